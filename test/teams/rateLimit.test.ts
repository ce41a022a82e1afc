// ASKS_PER_MINUTE through the real Teams endpoint: past the limit the person is asked to wait.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { TOO_MANY_QUESTIONS } from "../../src/core/limits/rateLimit.ts";
import { personalMessage, startTeamsTestApp, warmUp, type TeamsTestApp } from "../support/teams.ts";

describe("Teams: asking too often", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("answers a question past ASKS_PER_MINUTE with a polite wait instead of an answer card", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    t = await startTeamsTestApp({ ASKS_PER_MINUTE: "1" }, { clock, workerIntervalMs: 0 });
    const ask = async () => {
      const before = t.connector.sent().length;
      expect((await t.post(personalMessage({ serviceUrl: t.connector.url, text: "Can I accept a gift from a supplier?" }))).status).toBe(200);
      return t.connector.sent().slice(before);
    };
    expect((await ask())[0]!.body.attachments).toHaveLength(1); // the answer card
    const waited = await ask();
    expect(waited.map((s) => s.body.text)).toEqual([TOO_MANY_QUESTIONS]);
    expect(waited[0]!.body.attachments ?? []).toHaveLength(0);
    clock.advance(61_000);
    expect((await ask())[0]!.body.attachments).toHaveLength(1);
  });
});
