// Real Teams activity shapes, randomly broken: never a failed turn (500), never a stack trace.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardAction, channelMention, personalInstall, personalMessage, startTeamsTestApp, warmUp, type TeamsTestApp } from "../support/teams.ts";

const REQUESTS = Number(process.env.TEAMS_FUZZ_REQUESTS ?? 400);

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Deletes, replaces or recurses into one random field (several times): wrong types, nulls, empties. */
function mutate(value: unknown, rnd: () => number, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > 6) {
    return [null, 42, -1.5e308, "", "<at>x</at> *bold* [x](http://evil)", true, [], {}, [null]][Math.floor(rnd() * 9)];
  }
  const copy: Record<string, unknown> = Array.isArray(value) ? ({ ...value } as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (!keys.length) return value;
  const key = keys[Math.floor(rnd() * keys.length)]!;
  const action = rnd();
  if (action < 0.3) delete copy[key];
  else if (action < 0.6) copy[key] = mutate(undefined, rnd);
  else copy[key] = mutate(copy[key], rnd, depth + 1);
  return Array.isArray(value) ? Object.values(copy) : copy;
}

describe("Teams endpoint: malformed activities", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it(`answers ${REQUESTS} broken activities without a 500 or a stack trace`, async () => {
    t = await startTeamsTestApp();
    const serviceUrl = t.connector.url;
    const shapes = [
      () => personalMessage({ serviceUrl, text: "Can I accept a gift from a supplier?" }),
      () => channelMention({ serviceUrl, text: "can I accept a gift?" }),
      () => cardAction({ serviceUrl, verb: VERBS.feedback, data: { clauseId: "3(c)", helpful: true } }),
      () => cardAction({ serviceUrl, verb: VERBS.askPerson, data: { clauseId: "3(c)" } }),
      () => personalInstall({ serviceUrl }),
    ];
    const rnd = random(8_000_001);
    const problems: string[] = [];
    const BATCH = 20;
    for (let start = 0; start < REQUESTS; start += BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(BATCH, REQUESTS - start) }, async (_, k) => {
          let activity: unknown = shapes[(start + k) % shapes.length]!();
          for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) activity = mutate(activity, rnd);
          const res = await t.post(activity);
          const text = await res.text();
          // 501 without a body is the Bot Framework's answer to an invoke nobody handles (a mutated name).
          const failed = res.status >= 500 && !(res.status === 501 && text === "");
          if (failed || /\n\s+at |node_modules|\/work\//.test(text)) problems.push(`${res.status} ${text.slice(0, 120)} ← ${JSON.stringify(activity).slice(0, 400)}`);
        }),
      );
    }
    expect(problems).toEqual([]);
    expect(t.logs.filter((l) => l.includes("teams: turn failed"))).toEqual([]);
  }, 600_000);
});
