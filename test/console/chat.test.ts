// The console surface (`conduct chat`): its command function over fake stdin/stdout on the real
// app's cores, and once through the real entry point (bin/conduct.mjs) on an embedded database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.ts";
import { CONSOLE_COMMANDS } from "../../src/surfaces/console/index.ts";
import { TEST_REPORTS_KEY, type TestApp } from "../support/app.ts";
import { freshDatabase } from "../support/db.ts";
import { consoleDepsOf, startConsoleCompany, terminal } from "../contract/drivers/console.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** Types the lines into `conduct chat` (one session, switching people with /as) and returns everything it printed. */
async function chat(app: TestApp, lines: string[]): Promise<string> {
  const printed: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      printed.push(String(chunk));
      done();
    },
  });
  await runChat(consoleDepsOf(app), { input: Readable.from(lines.map((l) => `${l}\n`)), output });
  return printed.join("");
}

/** The text printed between the line `from` matches and the next prompt after it. */
const after = (out: string, from: string) => out.slice(out.indexOf(from));

describe("conduct chat: reporting, approving and the inbox", () => {
  let app: TestApp;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (app = await startConsoleCompany()));
  afterEach(async () => app?.close());

  it("files a report field by field: rejected fields are asked again and every other answer is kept", async () => {
    const out = await chat(app, [
      "/as alex",
      "/report",
      "", // what: left empty, asked again at once
      "The invoice was booked twice on purpose.", // what, asked again
      "Last Friday", // when
      "", // where
      "lee", // involved
      "99", // category: no such choice, asked again at once
      "8", // category, asked again: harassment or discrimination
      "", // recipient: the default
      "2", // mode: anonymous
      "yes", // the summary, confirmed
      "/as priya",
      "/inbox",
      "/open C-2026-0001",
      "/ack C-2026-0001",
      "/close C-2026-0001 substantiated",
      "/as alex",
      "/inbox",
      "/quit",
    ]);
    expect(out).toContain("⚠ What happened: Describe what happened");
    expect(out).toContain("⚠ What is it about: Choose what the report is about");
    expect(out).toMatch(/What happened\?\n\n> ⚠ What happened: Describe what happened\nWhat happened\?/); // checked as answered
    expect(out).toContain("Please check before it is sent:\n  1. What happened: The invoice was booked twice on purpose.\n  2. When did it happen: Last Friday");
    expect(out).toContain("  6. Who should receive it: (none)\n  7. Confidential or anonymous: Anonymous: they never learn who you are\nFile the report? yes / no");
    expect(out).toMatch(/Report filed: C-2026-0001 \(anonymous\)\.\nIt went to the ethics officer/);
    const row = await app.db.prisma.reportCase.findFirstOrThrow();
    expect(row).toMatchObject({ mode: "anonymous", category: "harassment_discrimination" });

    const handler = after(out, "You are now acting as Priya Nair");
    expect(handler).toContain("• Case C-2026-0001 was assigned to you.\n  Open it to read the report; opening is recorded in the case's audit trail.\n  Open it with /open C-2026-0001.");
    expect(handler).toContain("Reporter: Reporter of C-2026-0001 (anonymous)");
    expect(handler).toContain("What happened: The invoice was booked twice on purpose.");
    expect(handler).toContain("When: Last Friday");
    expect(handler).toContain("Involved: Lee Jordan");
    expect(handler.slice(0, handler.indexOf("You are now acting as Alex"))).not.toMatch(/Alex|Romero/);
    expect(handler).toContain("C-2026-0001 is acknowledged.");
    expect(handler).toContain("C-2026-0001 is closed – substantiated.");

    const reporter = after(out, "You are now acting as Alex Romero (alex).\n\n> • ");
    expect(reporter).toContain("• Your report C-2026-0001 is now acknowledged.");
    expect(reporter).toContain("• Your report C-2026-0001 is now closed.\n  The concern was substantiated.");
    expect(out.trimEnd().endsWith("Goodbye.")).toBe(true);
  });

  it("requests the approval an answer needs, and approvers ask, decline and are told when it was decided before them", async () => {
    const out = await chat(app, [
      "Can I accept courtside tickets from a supplier?",
      "/request",
      "/as alex",
      "/request",
      "", // summary: keep the question
      "lots", // amount: not a number, asked again at once
      "450", // amount, asked again
      "usd",
      "Acme Supplies",
      "", // involved
      "yes", // the summary, confirmed
      "/as grace",
      "/inbox",
      "/ask-info AP-1 Which game is it?",
      "/as alex",
      "/inbox",
      "/answer AP-1 The final, next month.",
      "/as helen",
      "/decline AP-1 Too valuable",
      "/as victor",
      "/decline AP-1 Agreed, too valuable",
      "/as grace",
      "/approve AP-1",
      "/as alex",
      "/inbox",
      "/requests",
    ]);
    expect(out).toContain("To ask for this approval, type /as <id> and then /request.");
    expect(out).toContain("First say who you are with /as <id>");
    expect(out).toContain("⚠ What is it worth: must be a number, like 150\nWhat is it worth? A number");
    expect(out).not.toMatch(/Expected|received/);
    expect(out).toMatch(/Request AP-1 sent\. It went to Grace Liu, Helen Park and Victor Alvarez\./);
    const stored = await app.db.prisma.approvalRequest.findFirstOrThrow();
    expect(stored).toMatchObject({ summary: null, details: null }); // sealed in content
    expect(await app.approvals.get(stored.id, "alex")).toMatchObject({ summary: "Can I accept courtside tickets from a supplier?", details: { amount: 450, currency: "USD", giver: "Acme Supplies" } });

    expect(out).toContain(
      "• New approval request AP-1 from Alex Romero.\n  AP-1 · Can I accept courtside tickets from a supplier?\n  Decide with /approve AP-1, /decline AP-1 <reason> or /ask-info AP-1 <question>.",
    );
    expect(out).toContain("Your question about AP-1 went to Alex Romero.");
    expect(out).toContain("• Grace Liu asked about AP-1.\n  Which game is it?\n  AP-1 · Can I accept courtside tickets from a supplier?\n  Answer with /answer AP-1 <text>.");
    expect(out).toContain("Your answer about AP-1 went to the approvers.");
    expect(out).toContain("Your decline of AP-1 is recorded. The request is now declined.");
    expect(out).toMatch(/Already decided by (Helen Park and Victor Alvarez|Victor Alvarez and Helen Park)\nAP-1 · Can I accept courtside tickets from a supplier\?\nIt was declined on 2026-\d\d-\d\d\. Nothing was recorded for you\./);
    expect(out).toMatch(/• Your request AP-1 was declined\.\n  AP-1 · Can I accept courtside tickets from a supplier\?\n  Declined by (Helen Park and Victor Alvarez\.\n  Reason: Too valuable\n  Agreed, too valuable|Victor Alvarez and Helen Park\.\n  Reason: Agreed, too valuable\n  Too valuable)\n/);
    expect(await app.db.prisma.approvalDecision.count()).toBe(2);
    expect(after(out, "Your approval requests:")).toContain("declined");
  });

  it("validates commands with their usage, and /cancel leaves a form without sending anything", async () => {
    const alex = terminal(consoleDepsOf(app));
    expect(await alex.type("/approve AP-1")).toBe("First say who you are with /as <id> (a person's id from the directory).");
    expect(await alex.type("/as nobody")).toBe("No one with the id nobody is in the directory. Type /people for the list.");
    await alex.type("/as alex");
    expect(await alex.type("/reply nope hello")).toBe("Usage: /reply <C-…> <text> (give a case number like C-2026-0001)");
    expect(await alex.type("/reply C-2026-0001")).toBe("Usage: /reply <C-…> <text> (write the message after it)");
    expect(await alex.type("/close C-2026-0001 maybe")).toMatch(/^Usage: \/close <C-…> <outcome> \(say how it ended: substantiated, unsubstantiated, referred\)/);
    expect(await alex.type("/decline AP-7")).toBe("Usage: /decline <AP-n> <reason> (write the reason after it)");
    expect(await alex.type("/approve AP-7")).toBe("No request AP-7 for you to see.");
    expect(await alex.type("/open C-2026-0042")).toBe("No such case.");
    expect(await alex.type("/inbox")).toBe("No new notifications.");
    expect(await alex.type("/request")).toMatch(/^Ask a question first/);
    expect(await alex.type("/frobnicate")).toBe("Unknown command frobnicate. Type /help for the list.");
    const help = await alex.type("/help");
    for (const command of Object.values(CONSOLE_COMMANDS)) expect(help).toContain(command.usage);

    expect(await alex.type("/report")).toMatch(/What happened\?$/);
    expect(await alex.type("Something odd")).toMatch(/^When did it happen\?/);
    expect(await alex.type("/inbox")).toMatch(/^You are filling in a form: answer the question, or type \/cancel to stop\.\nWhen did it happen\?/);
    expect(await alex.type("/cancel")).toBe("Stopped. Nothing was sent.");
    expect(alex.chat.session.form).toBeUndefined();
    expect(await app.db.prisma.reportCase.count()).toBe(0);
  });
});

describe("conduct chat: forms that check as they go and never wedge", () => {
  let app: TestApp;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (app = await startConsoleCompany()));
  afterEach(async () => app?.close());

  it("finds people: /people lists ids, /as ignores case and suggests close matches", async () => {
    const me = terminal(consoleDepsOf(app));
    expect(await me.type("/people")).toMatch(/^People in the directory \(id, name\):\n(.|\n)*  alex +Alex Romero/);
    expect(await me.type("/as ALEX")).toBe("You are now acting as Alex Romero (alex).");
    expect(await me.type("/as romer")).toBe("No one with the id romer is in the directory. Did you mean alex (Alex Romero)?");
  });

  it("asks which Director after 'A Director', checks each answer at once, and files only after the summary is confirmed", async () => {
    const me = terminal(consoleDepsOf(app));
    await me.type("/as alex");
    await me.type("/report");
    expect(await me.type("x")).toMatch(/^When did it happen\?/);
    await me.type("");
    await me.type("");
    expect(await me.type("nobody-here")).toMatch(/^⚠ Who was involved: Pick the people involved from the directory\nWho was involved\?/);
    await me.type("");
    await me.type("8");
    const director = await me.type("A Director");
    expect(director).toMatch(/^Which Director\?\n  1\. /);
    expect(director).toContain("Helen Park (helen)");
    expect(await me.type("alex")).toMatch(/^⚠ Which Director: Choose one of the Directors\nWhich Director\?/);
    expect(await me.type("Helen")).toMatch(/^Confidential or anonymous\?/);
    const summary = await me.type("anonymous");
    expect(summary).toContain("1. What happened: x");
    expect(summary).toContain("7. Which Director: Helen Park (helen)");
    expect(summary).toMatch(/File the report\? yes \/ no/);
    expect(await app.db.prisma.reportCase.count()).toBe(0); // a one-character report waits for the confirmation
    expect(await me.type("maybe")).toMatch(/^Please answer yes or no/);
    expect(await me.type("no")).toBe("Nothing was sent.");
    expect(me.chat.session.form).toBeUndefined();
    expect(await app.db.prisma.reportCase.count()).toBe(0);
  });

  it("an error keeps the form where it was, tells the person in plain words, logs only its type, and /quit still leaves", async () => {
    const logged: object[] = [];
    const deps = consoleDepsOf(app);
    const services = await deps.services();
    const fileReport = services.cases.fileReport;
    let failures = 1;
    const failing = {
      ...services,
      cases: { ...services.cases, fileReport: (...args: Parameters<typeof fileReport>) => (failures-- > 0 ? Promise.reject(new TypeError("SECRET-CAUSE report text")) : fileReport(...args)) },
    };
    const me = terminal({ ...deps, services: async () => failing, logger: { debug: (details) => void logged.push(details) } });
    await me.type("/as alex");
    await me.type("/report");
    const answers: Record<string, string> = { what: "SECRET-WHAT The invoice was booked twice.", category: "1" };
    while (me.chat.session.form?.queue.length) await me.type(answers[me.chat.session.form.queue[0]!] ?? "");
    const failed = await me.type("yes");
    expect(failed).toMatch(/^That did not work: something went wrong on our side and nothing was sent\. Try again in a moment\.\nYour answers are kept\.\nPlease check before it is sent:/);
    expect(failed).not.toContain("TypeError");
    expect(JSON.stringify(logged)).toContain('"type":"TypeError"');
    expect(JSON.stringify(logged)).not.toContain("SECRET");
    expect(await me.type("yes")).toMatch(/^Report filed: C-2026-0001/);
    await me.type("/report");
    expect(await me.type("/quit")).toBe("Stopped. Nothing was sent. Goodbye.");
  });

  it("labels an approval route truthfully for requester and approver: the President's request goes to the ethics officer, and says why", async () => {
    const omar = terminal(consoleDepsOf(app));
    await omar.type("/as omar");
    expect(await omar.type("Can I take the company van on vacation?")).toContain("To ask for this approval, type /request.");
    await omar.type("/request");
    const sent = await omar.fill({});
    expect(sent).toContain("Stage 1, the ethics officer, because you have no supervisor above you in the directory: Priya Nair");
    expect(sent).not.toContain("immediate supervisor");
    const priya = terminal(consoleDepsOf(app));
    await priya.type("/as priya");
    expect(await priya.type("/requests")).toContain("Stage 1, the ethics officer, because Omar Haddad has no supervisor above them in the directory: Priya Nair");
  });

  it("/request after a 'Report it' answer says to use /report instead", async () => {
    const me = terminal(consoleDepsOf(app));
    await me.type("/as alex");
    const answer = await me.type("I saw my coworker steal cash from the register. What should I do?");
    expect(answer).toContain("To report it, type /report.");
    expect(await me.type("/request")).toBe("Your last answer says to report this, not to ask for an approval: type /report to report it, confidentially or anonymously.");
  });
});

describe("conduct chat through bin/conduct.mjs", () => {
  let dataDir: string;
  beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), "conduct-chat-"))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** `conduct chat` as a terminal runs it: the lines on its stdin, what it printed on stdout and stderr. */
  const chatProcess = (input: string[], logLevel: string) =>
    spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), "chat"], {
      cwd: ROOT,
      encoding: "utf8",
      input: input.join("\n") + "\n",
      timeout: 110_000,
      env: { ...process.env, DATA_DIR: dataDir, DIRECTORY_FILE: "directory.example.yaml", REPORTS_ENCRYPTION_KEY: TEST_REPORTS_KEY, DATABASE_URL: "", LOG_LEVEL: logLevel },
    });

  it("reports, tells the handler in their inbox, and shows the case to them", () => {
    const input = ["/as jamie", "/report", "Someone takes fuel from the company van.", "", "Depot 3", "", "5", "", "anonymous", "yes", "/as priya", "/inbox", "/open C-2026-0001", "/quit", "never read"];
    const run = chatProcess(input, "warn");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Report filed: C-2026-0001 (anonymous).");
    expect(run.stdout).toContain("• Case C-2026-0001 was assigned to you.");
    expect(run.stdout).toContain("What happened: Someone takes fuel from the company van.");
    expect(run.stdout).toContain("Reporter: Reporter of C-2026-0001 (anonymous)");
    expect(run.stdout).toMatch(/Goodbye\.\s*$/);
  });

  it("as a terminal: the truthful route for a named supervisor, 'Which Director?' after 'A Director', a summary to confirm, no JSON log lines", () => {
    const input = [
      "/as ALEX",
      "/report",
      "The invoice was booked twice.", "", "", "lee", "8", "My supervisor", "anonymous", "yes",
      "/report",
      "x", "", "", "", "8", "A Director", "1", "", "no",
      "/quit",
    ];
    const run = chatProcess(input, "info");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("It went to the next supervisor up your reporting line, not to your supervisor: your supervisor is named in it.\nNo one your report names receives it or can see it.");
    expect(run.stdout).not.toContain("It went to your supervisor");
    expect(run.stdout).toMatch(/Which Director\?\n  1\. /);
    expect(run.stdout).toMatch(/File the report\? yes \/ no[^]*> Nothing was sent\./);
    expect(run.stdout).not.toContain("C-2026-0002");
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\{"level"/m);
  });
});
