// Reminders and escalations in Teams: the manual clock moves past a deadline, the worker runs the
// due jobs and delivers their notifications proactively, and each recipient gets a card.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_VERBS, CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardAction, cardOf, cardTexts, dialogInvoke, personalInstall, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { cardsIn, chatOf, PEOPLE, startWithPeople } from "./support/people.ts";

const DAY = 24 * 60 * 60_000;
const VICTOR = { id: "29:1victor", name: "Victor Alvarez", aadObjectId: "00000000-0000-0000-0000-000000000004" };
const chatOfOther = (who: { id: string }) => `a:${who.id}-personal-chat`;

async function installOther(t: TeamsTestApp, who: { id: string; name: string; aadObjectId: string }) {
  expect((await t.post(personalInstall({ serviceUrl: t.connector.url, from: who, conversationId: chatOfOther(who) }))).status).toBe(200);
}

const cardsInChat = (t: TeamsTestApp, conversationId: string) =>
  t.connector
    .sent(conversationId)
    .map((c) => c.body)
    .filter((b) => b?.attachments?.length)
    .map(cardOf)
    .filter((card) => !cardTexts(card)[0]?.startsWith("Hi!"));

describe("Teams: reminders and escalations", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("approvals: a reminder card to each approver after the reminder days, then an overdue escalation", async () => {
    const started = await startWithPeople("dana", "marcus", "kim", "priya");
    t = started.t;
    const created = await t.app.approvals.request({ requesterId: "kim", topicId: "alcohol", summary: "Serve wine at the team dinner on Friday" });
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();
    expect(cardsIn(t, "dana")).toHaveLength(1);

    // Monday 09:00 + 2 business days (APPROVAL_REMIND_DAYS): the reminder job runs and is delivered.
    started.clock.advance(2 * DAY + 60_000);
    await t.app.worker.tick();
    for (const who of ["dana", "marcus"] as const) {
      const reminder = cardsIn(t, who).at(-1);
      expect(cardTexts(reminder)[0]).toBe(`Reminder: ${created.view.reference} waits for your decision`);
      expect(reminder.actions.map((a: any) => [a.type, a.verb])).toEqual([
        ["Action.Execute", APPROVAL_VERBS.approve],
        ["Action.Execute", APPROVAL_VERBS.decline],
        ["Action.Execute", APPROVAL_VERBS.askInfo],
      ]);
      expect(reminder.refresh.userIds).toEqual([PEOPLE[who].id]);
    }
    expect(await t.db.prisma.outboxMessage.count({ where: { kind: "approval.reminder", status: "sent" } })).toBe(2);
    expect(cardsIn(t, "kim")).toHaveLength(0); // the requester is not reminded

    // 5 business days (APPROVAL_ESCALATE_DAYS, Monday to Monday): overdue.
    started.clock.advance(5 * DAY);
    await t.app.worker.tick();
    // The executive officers decide as a group, so the escalation role (the Ethics Officer) is alerted, without buttons.
    const escalations = (await t.db.prisma.outboxMessage.findMany({ where: { kind: "approval.escalated" } })).map((m) => [m.recipientId, m.status]);
    expect(escalations).toEqual([["priya", "sent"]]);
    const [escalated] = cardsIn(t, "priya");
    expect(cardTexts(escalated)).toEqual([`${created.view.reference} is overdue`, "Serve wine at the team dinner on Friday", "Its approvers have not decided in time."]);
    expect(escalated.actions).toBeUndefined();
    // The approvers who still have not decided are reminded again, as overdue.
    expect(cardTexts(cardsIn(t, "dana").at(-1))[0]).toBe(`Overdue: ${created.view.reference} waits for your decision`);
  });

  it("approvals: an overdue person-by-person request escalates to the next person up, who gets the card with the buttons", async () => {
    const started = await startWithPeople("dana", "kim");
    t = started.t;
    const LEE = { id: "29:1lee", name: "Lee Jordan", aadObjectId: "00000000-0000-0000-0000-000000000008" };
    await installOther(t, LEE);
    const created = await t.app.approvals.request({ requesterId: "kim", topicId: "company_property", summary: "Borrow the projector for a weekend" });
    if (created.kind !== "created") throw new Error(created.message);
    await t.app.worker.tick();
    expect(cardTexts(cardsInChat(t, chatOfOther(LEE))[0])[0]).toBe(`New approval request ${created.view.reference} from Kim Nguyen`);
    expect(cardsIn(t, "dana")).toHaveLength(0);

    started.clock.advance(7 * DAY + 60_000); // Monday to the next Monday: 5 business days
    await t.app.worker.tick();
    const [escalated] = cardsIn(t, "dana");
    expect(cardTexts(escalated)[0]).toBe(`Escalated to you: ${created.view.reference} is overdue`);
    expect(escalated.actions.map((a: any) => a.title)).toEqual(["Approve", "Decline", "Ask for info"]);
    expect(escalated.refresh.userIds).toEqual([PEOPLE.dana.id]);
    expect(cardTexts(cardsInChat(t, chatOfOther(LEE)).at(-1))[0]).toBe(`Overdue: ${created.view.reference} waits for your decision`);

    // Dana decides on the escalated card: Lee's cards are edited in place, without buttons.
    const body = await t.post(
      cardAction({ serviceUrl: t.connector.url, from: PEOPLE.dana, conversationId: chatOf("dana"), verb: APPROVAL_VERBS.approve, data: escalated.actions[0].data }),
    );
    expect(body.status).toBe(200);
    const edits = t.connector.calls.filter((c) => c.method === "PUT" && c.conversationId === chatOfOther(LEE)).map((c) => cardOf(c.body));
    expect(edits.length).toBeGreaterThanOrEqual(2); // the request and the overdue reminder
    for (const edited of edits.slice(-2)) {
      expect(edited.actions).toBeUndefined();
      expect(cardTexts(edited).some((x) => x.startsWith("✅ Approved by Dana Reyes"))).toBe(true);
    }
  });

  it("cases: a reminder before the acknowledgement deadline, then the missed deadline to the handler and an escalation card to the next people", async () => {
    const started = await startWithPeople("jamie", "priya");
    t = started.t;
    await installOther(t, VICTOR);
    const filed = await t.post(
      dialogInvoke({
        serviceUrl: t.connector.url,
        from: PEOPLE.jamie,
        conversationId: chatOf("jamie"),
        name: "task/submit",
        data: { verb: CASE_VERBS.reportSubmit, what: "Someone shares customer data with a competitor.", category: "harassment_discrimination", mode: "confidential" },
      }),
    );
    const caseNumber = /C-\d{4}-\d+/.exec((await filed.json()).task.value)![0];
    await t.app.worker.tick();
    expect(cardsIn(t, "priya")).toHaveLength(1);

    // Acknowledge within 7 days; the reminder comes 2 days before.
    started.clock.advance(5 * DAY + 60_000);
    await t.app.worker.tick();
    const reminder = cardsIn(t, "priya").at(-1);
    expect(cardTexts(reminder)[0]).toBe(`Reminder: case ${caseNumber} needs acknowledgement`);
    expect(cardTexts(reminder)[1]).toBe("Due 2026-01-12.");
    expect(reminder.actions.map((a: any) => a.title)).toEqual(["Open", "Acknowledge", "Message reporter", "Add note", "Reassign", "Close"]);
    expect(JSON.stringify(reminder)).not.toContain("customer data");

    // Missed: the handler is told, and the next people (the Audit Committee: the Ethics Officer already handles it) get the case.
    started.clock.advance(2 * DAY);
    await t.app.worker.tick();
    const missed = cardsIn(t, "priya").at(-1);
    expect(cardTexts(missed)[0]).toBe(`Case ${caseNumber} missed its acknowledgement deadline`);
    const [escalated] = cardsInChat(t, chatOfOther(VICTOR));
    expect(cardTexts(escalated)[0]).toBe(`Case ${caseNumber} was escalated to you`);
    expect(cardTexts(escalated)[1]).toBe("Its acknowledgement deadline (2026-01-12) was missed; you are now one of its handlers.");
    expect(escalated.actions.map((a: any) => a.title)).toContain("Open");
    expect(JSON.stringify(escalated)).not.toContain("customer data");
    const handlers = (await t.db.prisma.caseHandler.findMany({ where: { removedAt: null } })).map((h) => h.personId).sort();
    expect(handlers).toContain("victor");
    expect(handlers).toContain("priya");
  });
});
