// 10,000 malformed requests at both platform endpoints: the server must never crash, never
// answer 500 or leak a stack trace, and only what a valid request may write may change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeConnector, type FakeConnector } from "../support/fakeConnector.ts";
import { FORM, eventEnvelope, imMessage, sign } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";
import { personalMessage } from "../support/teams.ts";

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
// Tables a malformed-but-parseable request may legitimately touch (de-duplication, counters, bot state).
const MAY_CHANGE = new Set(["processed_event", "ask_stat", "teams_conversation", "teams_bot_state", "person", "outbox_message"]);

/** A small deterministic PRNG so a failure can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(value: unknown, rnd: () => number, depth = 0): unknown {
  if (value === null || typeof value !== "object" || depth > 6) {
    const pick = Math.floor(rnd() * 8);
    return [null, 42, -1.5e308, "", "<!channel> *bold* [x](http://evil)", true, [], {}][pick];
  }
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (!keys.length) return copy;
  const key = keys[Math.floor(rnd() * keys.length)]!;
  const action = rnd();
  if (action < 0.3) delete copy[key];
  else if (action < 0.6) copy[key] = mutate(undefined, rnd);
  else copy[key] = mutate(copy[key], rnd, depth + 1);
  return copy;
}

const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const invalidUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xc3, 0x28, 0xff, 0xfe, 0x7d]);

describe("fuzzing /slack/events and /api/messages", () => {
  let harness: SlackHarness;
  let connector: FakeConnector;
  beforeAll(async () => {
    harness = await startSlackApp({ TEAMS_LOCAL_MODE: "true" }); // both endpoints mounted, Teams as the Agents Playground reaches it
    connector = await startFakeConnector();
  });
  afterAll(async () => {
    await harness?.close();
    await connector?.close();
  });

  async function tableCounts(): Promise<Record<string, number>> {
    const tables = await harness.app.db.prisma.$queryRawUnsafe<Array<{ t: string }>>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { t } of tables) {
      // The bot's own daily housekeeping (audit head, pruning) runs and re-schedules itself on its
      // timer, whatever the requests: not something a request wrote.
      const own = t === "job" ? ` WHERE kind NOT LIKE 'maintenance.%'` : "";
      const [row] = await harness.app.db.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${t}"${own}`);
      counts[t] = row!.n;
    }
    return counts;
  }

  function slackRequest(i: number, rnd: () => number): { body: string | Buffer; headers: Record<string, string> } {
    const kind = i % 9;
    const now = Math.floor(Date.now() / 1000);
    const signed = (body: string | Buffer, contentType = "application/json") => ({
      body,
      headers: { "content-type": contentType, "x-slack-request-timestamp": String(now), "x-slack-signature": sign(body.toString(), now) },
    });
    switch (kind) {
      case 0: // random bytes, unsigned
        return { body: Buffer.from(Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256))), headers: { "content-type": "application/json" } };
      case 1: // mutated real event, signed
        return signed(JSON.stringify(mutate(eventEnvelope(imMessage("U0FUZZ", `question ${i}`)), rnd)));
      case 2: // mutated interactivity payload, signed
        return signed(`payload=${encodeURIComponent(JSON.stringify(mutate({ type: "block_actions", user: { id: "U0FUZZ" }, actions: [{ action_id: "x", value: "y" }] }, rnd)))}`, FORM);
      case 3: // not JSON at all in the payload field
        return signed(`payload=${encodeURIComponent("{not json" + i)}`, FORM);
      case 4: // wrong types for everything
        return signed(JSON.stringify({ type: 7, event: "str", event_id: { a: 1 }, challenge: [] }));
      case 5: // deeply nested
        return signed(deep(2000 + (i % 3000)));
      case 6: // invalid UTF-8
        return signed(invalidUtf8);
      case 7: // tampered signature
        return { body: JSON.stringify(eventEnvelope(imMessage("U0FUZZ", "hi"))), headers: { "content-type": "application/json", "x-slack-request-timestamp": String(now), "x-slack-signature": "v0=" + "0".repeat(64) } };
      default: // missing fields, slash command form with garbage
        return signed(new URLSearchParams({ command: String(rnd()), text: "\u0000\uffff" }).toString(), FORM);
    }
  }

  function teamsRequest(i: number, rnd: () => number): { body: string | Buffer; headers: Record<string, string> } {
    const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } });
    switch (i % 6) {
      case 0:
        return { body: Buffer.from(Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256))), headers: { "content-type": "application/json" } };
      case 1:
        return json(mutate(personalMessage({ serviceUrl: connector.url, text: `q ${i}` }), rnd));
      case 2:
        return json({ type: "invoke", name: "adaptiveCard/action", value: mutate({ action: { verb: "feedback", data: {} } }, rnd) });
      case 3:
        return { body: deep(1000 + (i % 2000)), headers: { "content-type": "application/json" } };
      case 4:
        return { body: invalidUtf8, headers: { "content-type": "application/json" } };
      default:
        return json([1, "two", { type: null }]);
    }
  }

  it(`survives ${REQUESTS} malformed requests without a crash, a 500 or a stack trace`, async () => {
    const before = await tableCounts();
    const rnd = random(20261124);
    const statuses = new Map<number, number>();
    const leaks: string[] = [];
    const BATCH = 40;
    for (let start = 0; start < REQUESTS; start += BATCH) {
      await Promise.all(
        Array.from({ length: Math.min(BATCH, REQUESTS - start) }, async (_, k) => {
          const i = start + k;
          const toSlack = i % 2 === 0;
          const { body, headers } = toSlack ? slackRequest(i, rnd) : teamsRequest(i, rnd);
          const res = await fetch(`${harness.app.url}${toSlack ? "/slack/events" : "/api/messages"}`, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500 || /\n\s+at .+\(.+:\d+:\d+\)|node_modules|\/work\//.test(text)) leaks.push(`${i} → ${res.status}: ${text.slice(0, 200)}`);
        }),
      );
    }
    expect(leaks).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    const health = await fetch(`${harness.app.url}/healthz`);
    expect(health.status).toBe(200);

    const after = await tableCounts();
    for (const [table, count] of Object.entries(after)) {
      if (!MAY_CHANGE.has(table)) expect({ table, count }).toEqual({ table, count: before[table] });
    }
  }, 900_000);
});
