// Issue 14 item 13 in Teams: Microsoft Purview keeps 1:1 chats (cards and their buttons' data), so
// for an anonymous report nothing the bot posts to the reporter's chat names the case or its
// content. Driven through the real botbuilder endpoint and the fake Bot Connector.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { dialog, invoke } from "./support/dialogs.ts";
import { cardsIn, chatOf, click, startWithPeople } from "./support/people.ts";

const WHAT = "My team lead keeps making comments about my accent in meetings. SECRET-TEAMS-WHAT";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("Teams: an anonymous report leaves no trace in the reporter's chat", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  /** Opens the latest private update in Jamie's chat (task/fetch with the card's Open data); returns the dialog's card. */
  const openLatest = async () => {
    const latest = cardsIn(t, "jamie").at(-1)!;
    expect(cardTexts(latest)[0]).toBe("You have a private update");
    const opened = await invoke(t, dialog(t, "jamie", "task/fetch", latest.actions[0].data));
    expect(opened.task.type).toBe("continue");
    return opened.task.value.card.content;
  };

  it("files, acknowledges, relays both ways, closes and checks in: the chat gets only neutral cards; Open shows each update", async () => {
    const started = await startWithPeople("jamie", "priya");
    t = started.t;
    const filed = await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, category: "harassment_discrimination", mode: "anonymous" }));
    const row = await t.db.prisma.reportCase.findFirstOrThrow();
    const number = row.number;
    expect(JSON.stringify(filed)).toContain(row.receiptDigest);
    await t.app.worker.tick();
    expect(JSON.stringify(await openLatest())).toContain(row.receiptDigest);

    await invoke(t, click(t, "priya", CASE_VERBS.acknowledge, { caseNumber: number }));
    await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.messageSubmit, caseNumber: number, text: "Which meetings? HANDLER-MSG-1" }));
    await t.app.worker.tick();
    const message = await openLatest();
    expect(cardTexts(message)).toContain(`New message on ${number}`);
    expect(JSON.stringify(message)).toContain("HANDLER-MSG-1");
    const send = message.actions.find((a: any) => a.data?.verb === CASE_VERBS.reporterReplySubmit);
    const replied = await invoke(t, dialog(t, "jamie", "task/submit", { ...send.data, text: "The Monday stand-ups. REPORTER-REPLY-2" }));
    expect(replied.task).toEqual({ type: "message", value: `Sent to the handlers of ${number}.` });
    await t.app.worker.tick();

    await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.closeSubmit, caseNumber: number, outcome: "substantiated" }));
    await t.app.worker.tick();
    expect(JSON.stringify(await openLatest())).toContain("The concern was substantiated.");

    started.clock.advance(30 * 24 * 60 * 60_000);
    await t.app.worker.tick();
    const checkin = await openLatest();
    expect(cardTexts(checkin)).toContain(`A check-in about ${number}`);
    const no = checkin.actions.find((a: any) => a.data?.verb === CASE_VERBS.checkinSubmit && a.data.answer === "no");
    const answered = await invoke(t, dialog(t, "jamie", "task/submit", no.data));
    expect(cardTexts(answered.task.value.card.content)[0]).toBe(`30-day check-in about ${number}: you answered no`);
    expect((await t.db.prisma.caseCheckin.findFirstOrThrow()).answer).toBe("no");

    // Everything posted to Jamie's chat after the welcome: neutral cards whose only data is an opaque id.
    const cards = cardsIn(t, "jamie");
    expect(cards).toHaveLength(5);
    const chat = JSON.stringify(t.connector.sent(chatOf("jamie")).map((c) => c.body));
    for (const secret of ["C-2026", "Reporter of", row.receiptDigest, row.receiptDigest.split(":")[1]!.slice(0, 16), "SECRET", "HANDLER-MSG", "REPORTER-REPLY", "caseNumber", "Priya", "closed", "check-in"]) {
      expect(chat, secret).not.toContain(secret);
    }
    for (const card of cards) {
      expect(cardTexts(card)[0]).toBe("You have a private update");
      expect(card.actions.map((a: any) => [a.data.verb, UUID.test(a.data.update), Object.keys(a.data).sort()])).toEqual([[CASE_VERBS.privateUpdate, true, ["msteams", "update", "verb"]]]);
    }
  });

  it("opens a private update only for its reporter", async () => {
    ({ t } = await startWithPeople("jamie", "priya", "kim"));
    await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, category: "harassment_discrimination", mode: "anonymous" }));
    await t.app.worker.tick();
    const data = cardsIn(t, "jamie").at(-1)!.actions[0].data;
    for (const who of ["kim", "priya"] as const) {
      const opened = await invoke(t, dialog(t, who, "task/fetch", data));
      expect(JSON.stringify(opened)).toContain("This update is no longer available.");
      expect(JSON.stringify(opened)).not.toMatch(/C-2026|SECRET/);
    }
  });

  it("Check a receipt (a dialog from the Report a concern card): only valid or not comes back", async () => {
    ({ t } = await startWithPeople("jamie", "kim"));
    await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, category: "harassment_discrimination", mode: "anonymous" }));
    const row = await t.db.prisma.reportCase.findFirstOrThrow();
    const form = await invoke(t, dialog(t, "kim", "task/fetch", { verb: CASE_VERBS.receiptForm }));
    expect(form.task.value.card.content.actions[0].data).toEqual({ verb: CASE_VERBS.receiptSubmit });
    const check = async (caseNumber: string, code: string) => (await invoke(t, dialog(t, "kim", "task/submit", { verb: CASE_VERBS.receiptSubmit, caseNumber, code }))).task;
    expect(await check(row.number, row.receiptDigest)).toEqual({ type: "message", value: expect.stringContaining("Valid: this receipt is the one the bot issued") });
    const wrongCase = await check("C-2026-0077", row.receiptDigest);
    expect(wrongCase).toEqual(await check(row.number, `${row.receiptDigest.slice(0, -4)}0000`));
    expect(wrongCase.value).toContain("Not valid");
  });
});
