// Approvals in Teams: the outbox delivers approval cards as proactive 1:1 messages; approvers
// decide with Action.Execute on the card, and the card they get back has no buttons left.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { MESSAGES } from "../../src/surfaces/teams/cards/messages.ts";
import { cardTexts, dialogInvoke, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { cardsIn, chatOf, click, install, PEOPLE, startWithPeople } from "./support/people.ts";

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
    // Universal Actions refresh: Teams asks for the current card when Dana looks at it again.
    expect(card.refresh).toEqual({ action: { type: "Action.Execute", title: "Refresh", verb: APPROVAL_VERBS.refresh, data: { requestId: created.view.id } }, userIds: ["29:1dana"] });

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

  it("a database failure while identifying the approver answers 'not saved' and decides nothing; the next click decides", async () => {
    ({ t } = await startWithPeople("dana", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();
    const directory = t.app.directory as unknown as Record<string, unknown>;
    const original = directory.resolveOrEnrol;
    directory.resolveOrEnrol = () => Promise.reject(new Error("connection refused"));
    let down;
    try {
      down = await invoke(t, click(t, "dana", APPROVAL_VERBS.approve, { requestId: created.view.id, stage: 0 }));
    } finally {
      directory.resolveOrEnrol = original;
    }
    expect(down.value).toBe("Not saved: the service cannot reach its database right now. Please try again in a few minutes.");
    expect(await t.db.prisma.approvalDecision.count()).toBe(0);
    const again = await invoke(t, click(t, "dana", APPROVAL_VERBS.approve, { requestId: created.view.id, stage: 0 }));
    expect(cardTexts(again.value).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);
    expect(await t.db.prisma.approvalDecision.count()).toBe(1);
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

    // Dana's card refreshes (Universal Actions) to the decided request, without buttons.
    const refreshed = await invoke(t, click(t, "dana", APPROVAL_VERBS.refresh, { requestId: created.view.id }));
    expect(refreshed.value.actions).toBeUndefined();
    expect(cardTexts(refreshed.value).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);

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

  it("ask for info: the requester answers on their card, and the approver's card comes back with the buttons", async () => {
    ({ t } = await startWithPeople("dana", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    const asked = await invoke(t, click(t, "dana", APPROVAL_VERBS.askInfo, { requestId: created.view.id, stage: 0, question: "How many people will attend?" }));
    expect(asked.value.actions).toBeUndefined();
    expect(cardTexts(asked.value)).toContain("Dana Reyes asked: How many people will attend?");

    await t.app.worker.tick();
    const [question] = cardsIn(t, "kim");
    expect(cardTexts(question)[0]).toBe(`Dana Reyes asked about ${created.view.reference}`);
    expect(question.actions.map((a: any) => [a.title, a.verb])).toEqual([["Send answer", APPROVAL_VERBS.answerInfo]]);

    const answered = await invoke(t, click(t, "kim", APPROVAL_VERBS.answerInfo, { requestId: created.view.id, answer: "Twelve" }));
    expect(cardTexts(answered.value)).toContain("Kim Nguyen answered: Twelve");
    expect(answered.value.actions).toBeUndefined();

    await t.app.worker.tick();
    const back = cardsIn(t, "dana").at(-1);
    expect(cardTexts(back)[0]).toBe(`The requester answered about ${created.view.reference}`);
    expect(back.actions.map((a: any) => a.title)).toEqual(["Approve", "Decline", "Ask for info"]);
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

describe("Teams: requesting approval", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("Send request on the form makes the request (once per click), and the approver gets the card; a missing detail brings the form back", async () => {
    ({ t } = await startWithPeople("kim", "dana"));
    const missing = await invoke(t, click(t, "kim", APPROVAL_VERBS.submitRequest, { topicId: "gifts", summary: "Tickets to the supplier's box at the game", amount: "450" }));
    expect(cardTexts(missing.value)[0]).toBe("Request approval");
    expect(missing.value.body.find((el: any) => el.id === "summary").value).toBe("Tickets to the supplier's box at the game");
    expect(missing.value.body.find((el: any) => el.id === "giver").errorMessage).toBeTruthy();
    expect(await t.db.prisma.approvalRequest.count()).toBe(0);

    // From the dialog (task/submit): the dialog closes with a message, the confirmation card goes to the 1:1 chat.
    const send = dialogInvoke({ serviceUrl: t.connector.url, from: PEOPLE.kim, conversationId: chatOf("kim"), name: "task/submit", data: { verb: APPROVAL_VERBS.submitRequest, topicId: "alcohol", summary: "Serve wine at the team dinner on Friday" } });
    const sent = await invoke(t, send);
    expect(sent.task.type).toBe("message");
    expect(sent.task.value).toMatch(/^Request AP-\d+ sent\. It went to Dana Reyes, Marcus Chen/);
    expect(await invoke(t, send)).toEqual({ task: { type: "message", value: MESSAGES.alreadyHandled } }); // redelivered: deduplicated
    expect(await t.db.prisma.approvalRequest.count()).toBe(1);
    expect(cardTexts(cardsIn(t, "kim")[0])[0]).toMatch(/^Request AP-\d+ sent$/);
    await t.app.worker.tick();
    expect(cardTexts(cardsIn(t, "dana")[0])[0]).toMatch(/^New approval request AP-\d+ from Kim Nguyen$/);
  });
});
