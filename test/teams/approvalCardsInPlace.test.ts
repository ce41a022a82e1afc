// Approval cards edited in place: once a request is decided, every approval card the bot already
// sent about it is replaced (PUT /v3/conversations/{id}/activities/{activityId}) with the decided
// request, without buttons, so nobody has to click or look again for it to show.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardAction, cardOf, cardTexts, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { cardsIn, chatOf, PEOPLE, startWithPeople, type Who } from "./support/people.ts";

const wine = { requesterId: "kim", topicId: "alcohol", summary: "Serve wine at the team dinner on Friday" };

async function invoke(t: TeamsTestApp, activity: unknown): Promise<any> {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return res.json();
}

/** The approval cards remembered for a person: where they are in their chat. */
async function sentCards(t: TeamsTestApp, personId: string) {
  return t.db.prisma.teamsMessage.findMany({ where: { personId }, orderBy: { createdAt: "asc" } });
}

const puts = (t: TeamsTestApp, who: Who) => t.connector.calls.filter((c) => c.method === "PUT" && c.conversationId === chatOf(who));

describe("Teams: approval cards edited in place", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("a decision replaces the other approver's card (PUT, no buttons, who decided); the closed notice edits instead of posting again", async () => {
    ({ t } = await startWithPeople("dana", "marcus", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();

    // Both approvers got the card; where each one landed is stored.
    const [danaCard] = await sentCards(t, "dana");
    const [marcusCard] = await sentCards(t, "marcus");
    expect(danaCard).toMatchObject({ conversationId: chatOf("dana"), subject: `approval:${created.view.id}` });
    expect(marcusCard).toMatchObject({ conversationId: chatOf("marcus"), subject: `approval:${created.view.id}` });
    expect(danaCard!.activityId).toMatch(/^sent-\d+$/);
    expect(cardsIn(t, "marcus")[0].actions.map((a: any) => a.title)).toEqual(["Approve", "Decline", "Ask for info"]);

    // Dana approves on her card (the click replies to it: its answer replaces that one card).
    const approve = cardAction({
      serviceUrl: t.connector.url,
      from: PEOPLE.dana,
      conversationId: chatOf("dana"),
      verb: APPROVAL_VERBS.approve,
      data: { requestId: created.view.id, stage: 0 },
      replyToId: danaCard!.activityId,
    });
    const body = await invoke(t, approve);
    expect(body.value.actions).toBeUndefined();

    // Marcus's card was edited in place, right away: the decision, no buttons, still refreshable.
    const [put] = puts(t, "marcus");
    expect(put).toBeDefined();
    expect(put!.activityId).toBe(marcusCard!.activityId);
    expect(put!.path).toBe(`/v3/conversations/${encodeURIComponent(chatOf("marcus"))}/activities/${encodeURIComponent(marcusCard!.activityId)}`);
    expect(put!.body.id).toBe(marcusCard!.activityId);
    const edited = cardOf(put!.body);
    expect(edited.actions).toBeUndefined();
    expect(cardTexts(edited)[0]).toBe(`Approval request ${created.view.reference}`);
    expect(cardTexts(edited).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);
    expect(edited.refresh.userIds).toEqual([PEOPLE.marcus.id]);
    // Dana's clicked card is replaced once, by the click's own answer (not edited a second time).
    expect(puts(t, "dana").map((c) => c.activityId)).toEqual([danaCard!.activityId]);
    expect(cardOf(puts(t, "dana")[0]!.body).actions).toBeUndefined();

    // The outbox then tells Marcus it was settled: his card is edited again instead of a new post.
    const postsBefore = t.connector.sent(chatOf("marcus")).length;
    await t.app.worker.tick();
    expect(t.connector.sent(chatOf("marcus"))).toHaveLength(postsBefore);
    expect(puts(t, "marcus")).toHaveLength(2);
    expect((await t.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "marcus", kind: "approval.closed" } })).status).toBe("sent");
    // Kim, the requester, gets the decision as a new card.
    expect(cardTexts(cardsIn(t, "kim")[0])[0]).toBe(`Your request ${created.view.reference} was approved`);
  });

  it("a decision made outside Teams (the core directly) reaches the Teams cards through the outbox", async () => {
    ({ t } = await startWithPeople("dana", "marcus", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();
    const [marcusCard] = await sentCards(t, "marcus");

    const decided = await t.app.approvals.decide("dana", created.view.id, { action: "decline", stage: 0, reason: "Not on a school night" }, "test:decline-1");
    expect(decided.kind).toBe("recorded");
    await t.app.worker.tick();

    const [put] = puts(t, "marcus");
    expect(put!.activityId).toBe(marcusCard!.activityId);
    const edited = cardOf(put!.body);
    expect(edited.actions).toBeUndefined();
    expect(cardTexts(edited).some((x) => x.startsWith("⛔ Declined by Dana Reyes") && x.includes("Reason: Not on a school night"))).toBe(true);
  });

  it("a card that can no longer be edited (chat gone) does not fail the click", async () => {
    ({ t } = await startWithPeople("dana", "marcus", "kim"));
    const created = await t.app.approvals.request(wine);
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();
    t.connector.gone.add(chatOf("marcus"));
    const body = await invoke(t, cardAction({ serviceUrl: t.connector.url, from: PEOPLE.dana, conversationId: chatOf("dana"), verb: APPROVAL_VERBS.approve, data: { requestId: created.view.id, stage: 0 } }));
    expect(cardTexts(body.value).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);
    expect(await t.db.prisma.approvalDecision.count()).toBe(1);
    expect(t.logs.some((line) => line.includes("could not redraw an approval message"))).toBe(true);
  });
});
