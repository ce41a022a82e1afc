import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { imMessage, typed } from "../support/slack.ts";
import { openReportForm, reportValues, startCompany, submit, texts, type Company } from "./company.ts";

// Oversized input gets an answer that names the limit, never a crash, a 500 or a silent drop.
describe("Oversized input in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("answers a 1 MB question from its beginning and says it was too long to read whole", async () => {
    const question = "Can I accept concert tickets from a supplier? " + "Some more context about the supplier. ".repeat(27_000);
    expect(question.length).toBeGreaterThan(1_000_000);
    const res = await h.sendEvent(imMessage("U0ALEX", question));
    expect(res.status).toBe(200);
    const [answer] = await h.slack.waitFor("chat.postMessage", { timeoutMs: 20_000 });
    const shown = texts(answer!);
    expect(shown).toContain("longer than 4,000 characters, so I matched only its first 4,000");
    expect(shown).toContain("3(c)"); // still answered from what it read
    expect(JSON.stringify(answer!.args).length).toBeLessThan(40_000); // never echoes the whole question back
  });

  it("refuses a 100 KB report next to the field, saying how long it may be, and keeps the text in the form", async () => {
    const form = await openReportForm(h, "U0ALEX");
    const claimsBefore = await h.app.db.prisma.processedEvent.count();
    const answer = await submit(h, "U0ALEX", form, reportValues({ what: typed("x".repeat(100_000)) }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ response_action: "errors", errors: { what: "Keep this under 20000 characters (you can add more as messages after filing)" } });
    expect(await h.app.db.prisma.reportCase.count()).toBe(0);
    // refused before anything was claimed: the one new claim is the signed request's own replay guard
    // (keys are stored hashed, so they are counted, not read)
    expect(await h.app.db.prisma.processedEvent.count()).toBe(claimsBefore + 1);
  });
});
