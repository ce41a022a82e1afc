// How fast one person may file: the core's one rule (REPORTS_PER_DAY), told politely on the
// console (the same formError Slack and Teams show next to the form), with the text kept.
import { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runChat } from "../../src/cli/chat.ts";
import { manualClock } from "../../src/core/clock.ts";
import { TOO_MANY_QUESTIONS, TOO_MANY_REPORTS } from "../../src/core/limits/rateLimit.ts";
import { consoleDepsOf } from "../contract/drivers/console.ts";
import { startTestApp, type TestApp } from "../support/app.ts";

async function chat(app: TestApp, lines: string[]): Promise<string> {
  let printed = "";
  const output = new Writable({ write: (chunk, _encoding, done) => void ((printed += String(chunk)), done()) });
  await runChat(consoleDepsOf(app), { input: Readable.from(lines.map((l) => `${l}\n`)), output });
  return printed;
}

const report = (what: string) => ["/report", what, "", "Depot 3", "", "5", "", "anonymous", "yes"];

describe("per-person rate limits", () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it("refuses a third report in a day politely, keeps the text, and takes reports again the next day", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    app = await startTestApp({ DIRECTORY_FILE: "directory.example.yaml", REPORTS_PER_DAY: "2" }, { clock, workerIntervalMs: 0 });
    const out = await chat(app, ["/as jamie", ...report("First: fuel from the van."), ...report("Second: the van again."), ...report("Third: still the van."), "/cancel", "/as lee", ...report("Lee's own report."), "/quit"]);
    expect(out).toContain("Report filed: C-2026-0001 (anonymous).");
    expect(out).toContain("Report filed: C-2026-0002 (anonymous).");
    expect(out).toContain(TOO_MANY_REPORTS);
    expect(out).toContain("Report filed: C-2026-0003 (anonymous)."); // someone else is not limited
    expect(await app.db.prisma.reportCase.count()).toBe(3);

    clock.advance(24 * 3_600_000);
    expect(await chat(app, ["/as jamie", ...report("Next day."), "/quit"])).toContain("Report filed: C-2026-0004 (anonymous).");
  });

  it("asks the console's asker to wait after ASKS_PER_MINUTE questions", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    app = await startTestApp({ DIRECTORY_FILE: "directory.example.yaml", ASKS_PER_MINUTE: "1" }, { clock, workerIntervalMs: 0 });
    const out = await chat(app, ["/as jamie", "Can I accept a gift from a supplier?", "Can I accept a gift from a supplier?", "/quit"]);
    expect(out.split(TOO_MANY_QUESTIONS)).toHaveLength(2);
    expect(out.indexOf("3(c)")).toBeLessThan(out.indexOf(TOO_MANY_QUESTIONS));
  });
});
