// The in-memory approvals port (test/support/memory) stands in for the database in the core's
// tests, so it must answer as the Prisma store does: one story, run on both, gives one transcript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gift, harness, memoryHarness, warmUp, type Harness, type MemoryHarness } from "./support.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Keys sorted: PostgreSQL's jsonb keeps its own key order in payloads. */
const sortedKeys = (_key: string, value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))) : value;

async function story(h: Harness | MemoryHarness): Promise<string> {
  const seen: unknown[] = [];
  const say = (label: string, value: unknown) => void seen.push([label, value]);
  const a = h.approvals;

  say("delegate", await a.setDelegate("victor", "samira", { until: new Date(h.clock.now().getTime() + 3 * DAY) }));
  const dinner = await h.request(gift("kim", { summary: "Dinner with a supplier" }), "key-1");
  say("dinner", dinner);
  say("replayed", await a.request(gift("kim", { summary: "Dinner with a supplier" }), "key-1"));
  h.clock.advance(HOUR);
  say("ask", await a.decide("helen", dinner.id, { action: "ask_info", stage: 0, question: "Who else attends?" }, "click-1"));
  say("ask again", await a.decide("helen", dinner.id, { action: "ask_info", stage: 0, question: "Who else attends?" }, "click-1"));
  say("answer", await a.answerInfo("kim", dinner.id, "Only the sales team."));
  h.clock.advance(HOUR); // decisions at one instant are ordered by their random ids
  say("by delegate", await a.decide("samira", dinner.id, { action: "approve", stage: 0, conditions: "Declare it" }));
  say("duplicate", await a.decide("samira", dinner.id, { action: "approve", stage: 0 }));
  h.clock.advance(HOUR);
  say("second", await a.decide("grace", dinner.id, { action: "approve", stage: 0 }));
  say("late", await a.decide("helen", dinner.id, { action: "decline", stage: 0, reason: "Too much" }));
  const role = await h.request({ requesterId: "lee", topicId: "business_with_insider_firm", summary: "Use Taylor's firm", details: { organisation: "Okafor Books" }, involvedIds: ["taylor"] });
  say("role", role);
  const watch = await h.request(gift("lee", { summary: "A watch", details: { amount: 900, currency: "USD", giver: "Acme" } }));
  say("withdrawn", await a.withdraw("lee", watch.id));
  say("jobs after 3 days", await h.runJobs().then(async (first) => [first, (h.clock.advance(3 * DAY), await h.runJobs())]));
  say("jobs after 10 days", (h.clock.advance(7 * DAY), await h.runJobs()));
  say("kim's", await a.listForRequester("kim"));
  say("waiting for helen", await a.listWaitingFor("helen"));
  say("delegation", await a.delegationOf("victor"));
  say("role as dana", await a.get(role.id, "dana"));
  say("register", await a.register({}));
  // Same-instant rows: the database orders them by a random id, so compare them as a set.
  say("outbox", (await h.outbox()).map((m) => JSON.stringify(m, sortedKeys)).sort());

  const ids = new Map<string, string>();
  let text = JSON.stringify(seen, sortedKeys);
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[a-z]{2,4}_[0-9a-f]{20}\b/g, (m) => (ids.has(m) ? ids.get(m)! : (ids.set(m, `id#${ids.size}`), ids.get(m)!)));
  return text.replace(/AP-\d+/g, "AP-n"); // numbers come from a sequence the template database may have advanced
}

describe("the in-memory approvals port", () => {
  let database: Harness;
  beforeAll(async () => {
    await warmUp();
    database = await harness();
  }, 120_000);
  afterAll(async () => database?.close());

  it("answers an approval story (delegation, questions, decisions, late and repeated clicks, withdrawal, reminders, escalation) as the database does", async () => {
    const [expected, actual] = [await story(database), await story(await memoryHarness())];
    expect(expected).toContain("approval.reminder");
    expect(actual).toEqual(expected);
  });
});
