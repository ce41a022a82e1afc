// Issue 14 item 13, by time: a chat export must not pair an anonymous reporter's neutral DM with
// the handler's "Case C-… was assigned to you" because both were posted in the same second. Each
// anonymous reporter notice waits a random 0 to ANONYMOUS_NOTICE_DELAY_MINUTES; a confidential
// reporter's goes at once. Driven through the real Bolt endpoint, the worker and the fake Slack.
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { startSlackApp } from "../support/slackApp.ts";
import { dm, openReportForm, postsTo, reportValues, submit } from "./company.ts";

const ALEX = "U0ALEX";
const JAMIE = "U0JAMIE";
const PRIYA = "U0PRIYA";
const MINUTE = 60_000;

describe("an anonymous reporter's DM does not go out with the handler's", () => {
  let h: Awaited<ReturnType<typeof startSlackApp>> | undefined;
  afterEach(async () => h?.close());

  const file = async (user: string, mode: "anonymous" | "confidential") => {
    const answer = await submit(h!, user, await openReportForm(h!, user), reportValues({ mode: { type: "radio_buttons", selected_option: { value: mode } } }));
    expect(answer.body).toMatchObject({ response_action: "update", view: { title: { text: "Report filed" } } });
  };

  it("holds the anonymous reporter's notice a random while within the window; the handler's and a confidential reporter's go at once", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    h = await startSlackApp({ DIRECTORY_FILE: "directory.example.yaml", ANONYMOUS_NOTICE_DELAY_MINUTES: "30" }, { clock, workerIntervalMs: 0 });
    const filedAt = clock.now().getTime();
    await file(ALEX, "anonymous");
    await file(JAMIE, "confidential");
    await h.app.worker.tick();

    expect(postsTo(h, dm(PRIYA)).map((p) => p.args.text)).toEqual([expect.stringContaining("C-2026-0001"), expect.stringContaining("C-2026-0002")]);
    expect(postsTo(h, dm(JAMIE)).map((p) => p.args.text)).toEqual([expect.stringContaining("Report filed: C-2026-0002")]);
    expect(postsTo(h, dm(ALEX))).toEqual([]);

    // Sealed (its recipient is not in the row), due at a random moment in the next 30 minutes.
    const held = await h.app.db.prisma.outboxMessage.findMany({ where: { status: "pending" } });
    expect(held).toHaveLength(1);
    expect(held[0]!.recipientId).toBe("sealed");
    const wait = held[0]!.nextAttemptAt.getTime() - filedAt;
    expect(wait).toBeGreaterThanOrEqual(0);
    expect(wait).toBeLessThanOrEqual(30 * MINUTE);

    clock.advance(30 * MINUTE + 1);
    await h.app.worker.tick();
    expect(postsTo(h, dm(ALEX)).map((p) => p.args.text)).toEqual(["You have a private update"]);
  });

  it("the delay is random: two anonymous filings are not held for the same time", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    h = await startSlackApp({ DIRECTORY_FILE: "directory.example.yaml", ANONYMOUS_NOTICE_DELAY_MINUTES: "600" }, { clock, workerIntervalMs: 0 });
    await file(ALEX, "anonymous");
    await file(JAMIE, "anonymous");
    const due = (await h.app.db.prisma.outboxMessage.findMany({ where: { recipientId: "sealed" } })).map((m) => m.nextAttemptAt.getTime());
    expect(due).toHaveLength(2);
    expect(due[0]).not.toBe(due[1]); // 36,000,001 possible waits each
  });
});
