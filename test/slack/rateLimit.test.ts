// ASKS_PER_MINUTE through signed Slack HTTP: the next question is answered with a polite wait,
// only for the person who asked too often, and answered again once the minute has passed.
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { TOO_MANY_QUESTIONS } from "../../src/core/limits/rateLimit.ts";
import type { SlackCall } from "../support/fakeSlack.ts";
import { slashCommand } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";

const texts = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []) + String(call.args.text ?? "");

describe("asking too often on Slack", () => {
  let h: SlackHarness | undefined;
  afterEach(async () => h?.close());

  it("answers the third question in a minute with a polite wait, for that person only", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    h = await startSlackApp({ ASKS_PER_MINUTE: "2" }, { clock, workerIntervalMs: 0 });
    const ask = async (user: string, n: number) => {
      await h!.sendForm(slashCommand(user, "C0GENERAL", "can I accept a gift from a supplier?", h!.slack.responseUrl(`q${n}`)));
      const replies = await h!.slack.waitFor("response_url", { where: (c) => c.args._path === `/respond/q${n}`, timeoutMs: 30_000 });
      return texts(replies.at(-1)!);
    };
    expect(await ask("U0ALEX", 1)).toContain("3(c)");
    expect(await ask("U0ALEX", 2)).toContain("3(c)");
    const third = await ask("U0ALEX", 3);
    expect(third).toContain(TOO_MANY_QUESTIONS);
    expect(third).not.toContain("3(c)");
    expect(await ask("U0DANA", 4)).toContain("3(c)");
    clock.advance(61_000);
    expect(await ask("U0ALEX", 5)).toContain("3(c)");
  });
});
