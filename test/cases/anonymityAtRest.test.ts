// Anonymity at rest (issue 14, item 3): someone who can read every table, but has no report key,
// must not be able to tell who filed an anonymous case, nor that two cases came from one person.
// Each test files anonymous reports through a platform's HTTP endpoint, runs the whole lifecycle
// (acknowledge, messages both ways, typed reply, close, check-in, a second case), then dumps every
// table as text and looks for the reporter in it, as a curious DBA would.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/store/db.ts";
import { CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { freshDatabase } from "../support/db.ts";
import { people, typed } from "../support/slack.ts";
import { warmUp, type TeamsTestApp } from "../support/teams.ts";
import { click, clickForModal, clickInView, dm, openReportForm, postsTo, reportValues, startCompany, submit, type Company } from "../slack/company.ts";
import { dialog, invoke } from "../teams/support/dialogs.ts";
import { cardsIn, click as teamsClick, chatOf, install, PEOPLE, startWithPeople } from "../teams/support/people.ts";

const DAY = 24 * 60 * 60_000;
/** How close two instants must be for a join on time to pair them. */
const JOIN_WINDOW_MS = 5_000;

type Row = { table: string; text: string; times: number[] };

/** Every row of every table, all columns, as text (and the instants its timestamp columns hold). */
async function dumpTables(db: Database): Promise<Row[]> {
  const tables = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const rows: Row[] = [];
  for (const { name } of tables) {
    for (const row of await db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${name}"`)) {
      const times = Object.values(row).filter((v): v is Date => v instanceof Date).map((d) => d.getTime());
      rows.push({ table: name, text: JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v)), times });
    }
  }
  return rows;
}

/** Tokens that could tie rows together: ids, tags, digests, hashes (short numbers are dates and counters). */
const tokensOf = (text: string) => new Set(text.split(/[^A-Za-z0-9]+/).filter((t) => t.length >= 6 && !/^\d+$/.test(t)));

/** The rows that name a case (its id or number), and their tokens. */
function caseTokens(rows: Row[], c: { id: string; number: string }): Set<string> {
  const tokens = new Set<string>();
  for (const row of rows) if (row.text.includes(c.id) || row.text.includes(c.number)) for (const t of tokensOf(row.text)) tokens.add(t);
  return tokens;
}

/**
 * The three properties: (1) outside the directory and the per-person chat references, nothing
 * names the reporter; (2) no row that names them has a timestamp within seconds of an event of
 * their cases; (3) two of their cases share no token that a case of someone else lacks.
 */
async function expectUnlinkable(db: Database, reporter: string[], mine: [string, string], other: string) {
  const rows = await dumpTables(db);
  const cases = await db.prisma.reportCase.findMany({ include: { messages: true, checkins: true } });
  const byNumber = (n: string) => cases.find((c) => c.number === n)!;
  expect(cases.map((c) => c.mode)).toEqual(["anonymous", "anonymous", "anonymous"]);
  expect(new Set(cases.map((c) => c.reporterTag)).size).toBe(3);

  const names = (row: Row) => reporter.some((id) => row.text.includes(id));
  const PEOPLE_TABLES = ["person", "person_role", "teams_conversation", "teams_bot_state"];
  expect(rows.filter((row) => names(row) && !PEOPLE_TABLES.includes(row.table)).map((row) => row.text)).toEqual([]);

  const eventTimes: number[] = [];
  for (const number of mine) {
    const c = byNumber(number);
    eventTimes.push(...[c.filedAt, c.acknowledgedAt, c.closedAt, ...c.messages.map((m) => m.at), ...c.checkins.flatMap((k) => [k.askedAt, k.answeredAt])].filter((d): d is Date => d !== null).map((d) => d.getTime()));
    eventTimes.push(...(await db.prisma.auditEntry.findMany({ where: { subjectId: c.id } })).map((a) => a.at.getTime()));
  }
  const joined = rows.filter((row) => names(row) && row.times.some((t) => eventTimes.some((e) => Math.abs(t - e) < JOIN_WINDOW_MS)));
  expect(joined.map((row) => `${row.table}: ${row.text}`)).toEqual([]);
  // Nor does any row name one of their cases together with them.
  expect(rows.filter((row) => names(row) && mine.some((n) => row.text.includes(n) || row.text.includes(byNumber(n).id))).map((row) => row.text)).toEqual([]);

  const [a, b] = mine.map((n) => caseTokens(rows, byNumber(n)));
  const control = caseTokens(rows, byNumber(other));
  expect([...a!].filter((t) => b!.has(t) && !control.has(t))).toEqual([]);
}

describe("anonymity at rest: Slack", () => {
  beforeAll(async () => (await freshDatabase()).close());
  let h: Company;
  afterEach(async () => h?.close());

  it("a first-time reporter's two anonymous cases, after the whole lifecycle, link to them nowhere in the database", async () => {
    // Near the real time, so rows the database stamps itself (now()) line up with the cases' instants.
    h = await startCompany(new Date().toISOString());
    const NICO = "U0NICO";
    h.slack.users.set(NICO, { id: NICO, name: "Nico Ferrand", email: "nico.ferrand@example.com" });

    const fileAs = async (user: string) => {
      const form = await openReportForm(h, user);
      const answer = await submit(h, user, form, reportValues({ involved: people("U0LEE") }));
      const number = /C-\d{4}-\d{4}/.exec(JSON.stringify(answer.body.view))![0];
      await h.app.worker.tick();
      return number;
    };

    const first = await fileAs(NICO);
    const assigned = postsTo(h, dm("U0PRIYA")).at(-1)!;
    h.clock.advance(60_000);
    await click(h, "U0PRIYA", assigned, "case.acknowledge");
    await h.slack.waitFor("chat.postEphemeral");
    h.clock.advance(60_000);
    const form = await clickForModal(h, "U0PRIYA", assigned, "case.message_reporter");
    await submit(h, "U0PRIYA", form, { text: typed("Who else was in the room?") });
    await h.app.worker.tick();
    // An anonymous reporter's DMs are neutral private updates; Open shows each in a modal, where Reply and check-ins are.
    const openUpdate = async () => {
      const before = h.slack.callsTo("views.update").length;
      await click(h, NICO, postsTo(h, dm(NICO)).at(-1)!, "case.private_update");
      await h.slack.waitFor("views.update", { count: before + 1 });
      const filled = h.slack.callsTo("views.update")[before]!;
      return { view: filled.args.view, viewId: String(filled.args.view_id) };
    };
    h.clock.advance(60_000);
    const update = await openUpdate();
    const pushes = h.slack.callsTo("views.push").length;
    await clickInView(h, NICO, update.view, update.viewId, "case.reporter_reply");
    const [reply] = await h.slack.waitFor("views.push", { count: pushes + 1 });
    await submit(h, NICO, reply!.args.view, { text: typed("Only the two of us.") });
    h.clock.advance(60_000);
    await h.app.worker.tick();
    h.clock.advance(60_000);
    const close = await clickForModal(h, "U0PRIYA", assigned, "case.close");
    await submit(h, "U0PRIYA", close, { outcome: { type: "static_select", selected_option: { value: "unsubstantiated" } } });
    await h.app.worker.tick();
    h.clock.advance(30 * DAY);
    await h.app.worker.tick();
    const checkin = await openUpdate();
    await clickInView(h, NICO, checkin.view, checkin.viewId, "case.checkin_no");
    await h.slack.waitFor("views.update", { where: (c) => c.args.view_id === checkin.viewId && c.args.view.title.text === "Check-in answered" });
    expect((await h.app.db.prisma.caseCheckin.findFirstOrThrow()).answer).toBe("no");

    // Someone else files in between: the audit chain links consecutive entries, whoever made them.
    h.clock.advance(60_000);
    const other = await fileAs("U0KIM");
    const second = await fileAs(NICO);

    const nico = await h.app.db.prisma.person.findUniqueOrThrow({ where: { slackId: NICO } });
    expect(nico.source).toBe("platform"); // enrolled by the bot, not imported
    await expectUnlinkable(h.app.db, [nico.id, NICO, dm(NICO), nico.email, "Nico", "Ferrand"], [first, second], other);

    // With the key, Nico still finds both, and only they do.
    expect((await h.app.cases.listForReporter(nico.id)).map((c) => c.number).sort()).toEqual([first, second].sort());
    expect((await h.app.cases.listForReporter("kim")).map((c) => c.number)).toEqual([other]);
  });
});

describe("anonymity at rest: Teams", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("a reporter's two anonymous cases, after the whole lifecycle, link to them nowhere in the database", async () => {
    const started = await startWithPeople();
    t = started.t;
    started.clock.set(new Date()); // near the real time (see the Slack test)
    for (const who of ["jamie", "priya", "kim"] as const) await install(t, who);
    const fileAs = async (who: "jamie" | "kim") => {
      const filed = await invoke(t, dialog(t, who, "task/submit", { verb: CASE_VERBS.reportSubmit, what: "My lead mocks my accent.", category: "harassment_discrimination", involved: "lee", mode: "anonymous" }));
      await t.app.worker.tick();
      return /C-\d{4}-\d+/.exec(JSON.stringify(filed))![0];
    };

    const first = await fileAs("jamie");
    started.clock.advance(60_000);
    await invoke(t, teamsClick(t, "priya", CASE_VERBS.acknowledge, { caseNumber: first }));
    started.clock.advance(60_000);
    await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.messageSubmit, caseNumber: first, text: "Which meetings?" }));
    await t.app.worker.tick();
    started.clock.advance(60_000);
    await invoke(t, dialog(t, "jamie", "task/fetch", { verb: CASE_VERBS.reporterView, caseNumber: first }));
    await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reporterReplySubmit, caseNumber: first, text: "The Monday stand-ups." }));
    await t.app.worker.tick();
    started.clock.advance(60_000);
    expect((await t.app.cases.close("priya", first, "unsubstantiated")).ok).toBe(true);
    await t.app.worker.tick();
    started.clock.advance(30 * DAY);
    await t.app.worker.tick();
    expect(cardsIn(t, "jamie").length).toBeGreaterThan(0);
    await invoke(t, teamsClick(t, "jamie", CASE_VERBS.checkin, { caseNumber: first, day: 30, answer: "no" }));
    expect((await t.db.prisma.caseCheckin.findFirstOrThrow()).answer).toBe("no");

    started.clock.advance(60_000);
    const other = await fileAs("kim");
    const second = await fileAs("jamie");

    const jamie = PEOPLE.jamie;
    await expectUnlinkable(t.db, ["jamie", jamie.id, jamie.aadObjectId, jamie.aadObjectId.toLowerCase(), chatOf("jamie"), "Jamie", "Brooks"], [first, second], other);
    expect((await t.app.cases.listForReporter("jamie")).map((c) => c.number).sort()).toEqual([first, second].sort());
  });
});
