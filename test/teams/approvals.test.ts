// Approvals in Teams: the outbox delivers approval cards as proactive 1:1 messages; approvers
// decide with Action.Execute on the card, and the card they get back has no buttons left.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { APPROVAL_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { MESSAGES } from "../../src/surfaces/teams/cards/messages.ts";
import { cardAction, cardOf, cardTexts, personalInstall, startTeamsTestApp, warmUp, type TeamsTestApp } from "../support/teams.ts";

const DIRECTORY_FILE = new URL("../../directory.example.yaml", import.meta.url).pathname;
export const REPORTS_ENCRYPTION_KEY = Buffer.alloc(32, 0x5e).toString("base64");

/** People of directory.example.yaml as Teams sends them (from.aadObjectId = their `teams` id). */
export const PEOPLE = {
  dana: { id: "29:1dana", name: "Dana Reyes", aadObjectId: "00000000-0000-0000-0000-00000000000d" },
  marcus: { id: "29:1marcus", name: "Marcus Chen", aadObjectId: "00000000-0000-0000-0000-000000000002" },
  kim: { id: "29:1kim", name: "Kim Nguyen", aadObjectId: "00000000-0000-0000-0000-00000000000a" },
  priya: { id: "29:1priya", name: "Priya Nair", aadObjectId: "00000000-0000-0000-0000-000000000007" },
  jamie: { id: "29:1jamie", name: "Jamie Brooks", aadObjectId: "00000000-0000-0000-0000-00000000000c" },
} as const;
export type Who = keyof typeof PEOPLE;
export const chatOf = (who: Who) => `a:${who}-personal-chat`;

export async function startWithPeople(...installed: Who[]) {
  const clock = manualClock("2026-01-05T09:00:00Z");
  const t = await startTeamsTestApp({ DIRECTORY_FILE, REPORTS_ENCRYPTION_KEY }, { clock, workerIntervalMs: 0 });
  for (const who of installed) await install(t, who);
  return { t, clock };
}

export async function install(t: TeamsTestApp, who: Who) {
  const res = await t.post(personalInstall({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who) }));
  expect(res.status).toBe(200);
}

/** Cards the bot posted to someone's 1:1 chat, other than the welcome. */
export function cardsIn(t: TeamsTestApp, who: Who): any[] {
  return t.connector
    .sent(chatOf(who))
    .map((c) => c.body)
    .filter((b) => b?.attachments?.length)
    .map(cardOf)
    .filter((card) => !cardTexts(card)[0]?.startsWith("Hi!"));
}

export const click = (t: TeamsTestApp, who: Who, verb: string, data: unknown, id?: string) =>
  cardAction({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who), verb, data, ...(id ? { id } : {}) });

async function invoke(t: TeamsTestApp, activity: unknown): Promise<any> {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return res.json();
}

const wine = { requesterId: "kim", topicId: "alcohol", summary: "Serve wine at the team dinner on Friday" };

describe("Teams: approvals", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("delivers the approval request to an approver who installed the app, and holds it for one who didn't until they install", async () => {
    const started = await startWithPeople("dana", "kim");
    t = started.t;
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();

    const [card] = cardsIn(t, "dana");
    expect(card).toBeDefined();
    const texts = cardTexts(card);
    expect(texts[0]).toBe(`New approval request ${created.view.reference} from Kim Nguyen`);
    expect(texts).toContain("Serve wine at the team dinner on Friday");
    expect(card.actions.map((a: any) => [a.type, a.title, a.verb])).toEqual([
      ["Action.Execute", "Approve", APPROVAL_VERBS.approve],
      ["Action.Execute", "Decline", APPROVAL_VERBS.decline],
      ["Action.Execute", "Ask for info", APPROVAL_VERBS.askInfo],
    ]);
    expect(card.actions[0].data).toEqual({ requestId: created.view.id, stage: 0 });

    // Marcus never opened the bot: his request waits in the outbox.
    expect(t.connector.sent(chatOf("marcus"))).toHaveLength(0);
    const waiting = await t.db.prisma.outboxMessage.findMany({ where: { recipientId: "marcus", kind: "approval.requested" } });
    expect(waiting.map((m) => m.status)).toEqual(["pending"]);

    await install(t, "marcus");
    started.clock.advance(16 * 60_000);
    await t.app.worker.tick();
    const [forMarcus] = cardsIn(t, "marcus");
    expect(cardTexts(forMarcus)[0]).toBe(`New approval request ${created.view.reference} from Kim Nguyen`);
    expect((await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "marcus", kind: "approval.requested" } })).status).toBe("sent");
  });

  it("approve via Action.Execute: the card comes back decided with no buttons, the requester is told; a redelivered click decides once; a late click says who decided", async () => {
    ({ t } = await startWithPeople("dana", "marcus", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();

    const approve = click(t, "dana", APPROVAL_VERBS.approve, { requestId: created.view.id, stage: 0, conditions: "At most two glasses each" });
    const body = await invoke(t, approve);
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    const decided = body.value;
    expect(decided.actions).toBeUndefined();
    expect(cardTexts(decided).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);

    // The same click delivered again: acknowledged, not decided twice.
    const again = await invoke(t, approve);
    expect(again.value).toBe(MESSAGES.alreadyHandled);
    expect(await t.db.prisma.approvalDecision.count()).toBe(1);

    // Marcus clicks his (now stale) card.
    const late = await invoke(t, click(t, "marcus", APPROVAL_VERBS.approve, { requestId: created.view.id, stage: 0 }));
    expect(late.value.actions).toBeUndefined();
    expect(cardTexts(late.value)[0]).toBe("Already decided by Dana Reyes");
    expect(await t.db.prisma.approvalDecision.count()).toBe(1);

    await t.app.worker.tick();
    const toKim = cardsIn(t, "kim");
    expect(toKim).toHaveLength(1);
    expect(cardTexts(toKim[0])[0]).toBe(`Your request ${created.view.reference} was approved`);
    expect(cardTexts(toKim[0]).some((x) => x.includes("Conditions: At most two glasses each"))).toBe(true);
    expect(toKim[0].actions).toBeUndefined();
  });

  it("decline without a reason: the card again with the message, nothing recorded", async () => {
    ({ t } = await startWithPeople("dana", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    const body = await invoke(t, click(t, "dana", APPROVAL_VERBS.decline, { requestId: created.view.id, stage: 0, conditions: "kept" }));
    expect(body.value.actions.map((a: any) => a.title)).toEqual(["Approve", "Decline", "Ask for info"]);
    expect(cardTexts(body.value).some((x) => /reason/i.test(x))).toBe(true);
    expect(await t.db.prisma.approvalDecision.count()).toBe(0);
  });

  it("retries a 429 from the connector after its Retry-After", async () => {
    const started = await startWithPeople("dana", "kim");
    t = started.t;
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    t.connector.failNext.push({ status: 429, headers: { "retry-after": "7" } });
    await t.app.worker.tick();
    const row = await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "dana", kind: "approval.requested" } });
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/^RetryLater/);
    expect(row.nextAttemptAt.getTime() - started.clock.now().getTime()).toBe(7_000);

    started.clock.advance(8_000);
    await t.app.worker.tick();
    expect((await t.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
    // Two posts of the same card: the one answered 429, and the retry (no retry inside the first pass).
    expect(cardsIn(t, "dana").map((card) => cardTexts(card)[0])).toEqual([`New approval request ${created.view.reference} from Kim Nguyen`, `New approval request ${created.view.reference} from Kim Nguyen`]);
  });
});
