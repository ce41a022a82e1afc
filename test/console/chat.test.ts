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
      "", // what: left empty
      "Last Friday", // when
      "", // where
      "lee", // involved
      "99", // category: no such choice
      "", // recipient: the default
      "2", // mode: anonymous
      "The invoice was booked twice on purpose.", // what, asked again
      "8", // category, asked again: harassment or discrimination
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
    expect(out).toContain("Your other answers are kept.");
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
      "lots", // amount: not a number
      "usd",
      "Acme Supplies",
      "", // involved
      "450", // amount, asked again
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
    expect(out).toContain("⚠ What is it worth? A number: Expected number, received string");
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
    expect(out).toMatch(/AP-1 was already declined: already decided by (Helen Park and Victor Alvarez|Victor Alvarez and Helen Park)\. Nothing was recorded for you\./);
    expect(out).toMatch(/• Your request AP-1 was declined\.\n  AP-1 · Can I accept courtside tickets from a supplier\?\n  Declined by (Helen Park and Victor Alvarez\.\n  Reason: Too valuable\n  Agreed, too valuable|Victor Alvarez and Helen Park\.\n  Reason: Agreed, too valuable\n  Too valuable)\n/);
    expect(await app.db.prisma.approvalDecision.count()).toBe(2);
    expect(after(out, "Your requests:")).toContain("declined");
  });

  it("validates commands with their usage, and /cancel leaves a form without sending anything", async () => {
    const alex = terminal(consoleDepsOf(app));
    expect(await alex.type("/approve AP-1")).toBe("First say who you are with /as <id> (a person's id from the directory).");
    expect(await alex.type("/as nobody")).toBe("No one with the id nobody is in the directory.");
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

describe("conduct chat through bin/conduct.mjs", () => {
  let dataDir: string;
  beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), "conduct-chat-"))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("reports, tells the handler in their inbox, and shows the case to them", () => {
    const input = ["/as jamie", "/report", "Someone takes fuel from the company van.", "", "Depot 3", "", "5", "", "anonymous", "/as priya", "/inbox", "/open C-2026-0001", "/quit", "never read"];
    const run = spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), "chat"], {
      cwd: ROOT,
      encoding: "utf8",
      input: input.join("\n") + "\n",
      timeout: 110_000,
      env: { ...process.env, DATA_DIR: dataDir, DIRECTORY_FILE: "directory.example.yaml", REPORTS_ENCRYPTION_KEY: TEST_REPORTS_KEY, DATABASE_URL: "", LOG_LEVEL: "warn" },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Report filed: C-2026-0001 (anonymous).");
    expect(run.stdout).toContain("• Case C-2026-0001 was assigned to you.");
    expect(run.stdout).toContain("What happened: Someone takes fuel from the company van.");
    expect(run.stdout).toContain("Reporter: Reporter of C-2026-0001 (anonymous)");
    expect(run.stdout).toMatch(/Goodbye\.\s*$/);
  });
});
