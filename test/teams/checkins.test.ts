// Retaliation check-ins in Teams: 30 and 90 days after a case closes, the worker runs the check-in
// job and the reporter gets a card with Yes / No (Action.Execute). "No" is recorded; "yes" opens a
// linked high-priority case whose handlers are told. The answered card has no buttons left.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/surfaces/teams/cards/messages.ts";
import { CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, dialogInvoke, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { cardsIn, chatOf, click, PEOPLE, startWithPeople } from "./support/people.ts";

const DAY = 24 * 60 * 60_000;

async function invoke(t: TeamsTestApp, activity: unknown): Promise<any> {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return res.json();
}

describe("Teams: retaliation check-ins", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("the 30-day check-in answered no, the 90-day one yes: a linked high-priority case is opened and routed", async () => {
    const started = await startWithPeople("jamie", "priya");
    t = started.t;
    const filed = await invoke(
      t,
      dialogInvoke({
        serviceUrl: t.connector.url,
        from: PEOPLE.jamie,
        conversationId: chatOf("jamie"),
        name: "task/submit",
        data: { verb: CASE_VERBS.reportSubmit, what: "My lead mocks my accent in meetings.", category: "harassment_discrimination", involved: "lee", mode: "confidential" },
      }),
    );
    const caseNumber = /C-\d{4}-\d+/.exec(filed.task.value)![0];
    expect((await t.app.cases.acknowledge("priya", caseNumber)).ok).toBe(true);
    expect((await t.app.cases.close("priya", caseNumber, "substantiated")).ok).toBe(true);
    await t.app.worker.tick();
    const before = cardsIn(t, "jamie").length;

    // Nothing before 30 days.
    started.clock.advance(29 * DAY);
    await t.app.worker.tick();
    expect(cardsIn(t, "jamie")).toHaveLength(before);

    started.clock.advance(DAY + 60_000);
    await t.app.worker.tick();
    const checkin = cardsIn(t, "jamie").at(-1);
    expect(cardTexts(checkin)).toEqual([
      `A check-in about ${caseNumber}`,
      "It is 30 days since your report was closed. Since you reported, have you faced retaliation of any kind? Your answer goes only to the people handling your report.",
      "Retaliation is prohibited by the Code (section 1).",
    ]);
    expect(checkin.actions).toEqual([
      { type: "Action.Execute", title: "Yes", verb: CASE_VERBS.checkin, data: { caseNumber, day: 30, answer: "yes" }, style: "destructive" },
      { type: "Action.Execute", title: "No", verb: CASE_VERBS.checkin, data: { caseNumber, day: 30, answer: "no" } },
    ]);
    // Only the reporter gets it; the handler's chat sees nothing of it.
    expect(JSON.stringify(t.connector.sent(chatOf("priya")).map((c) => c.body))).not.toContain("check-in");

    const no = await invoke(t, click(t, "jamie", checkin.actions[1].verb, checkin.actions[1].data));
    expect(no.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardTexts(no.value)[0]).toBe(`30-day check-in about ${caseNumber}: you answered no`);
    expect(no.value.actions).toBeUndefined();
    expect(await t.db.prisma.caseCheckin.findMany({ select: { day: true, answer: true } })).toEqual([{ day: 30, answer: "no" }]);
    expect(await t.db.prisma.reportCase.count()).toBe(1);
    // A second click on the (stale) card: told there is nothing to answer, nothing changes.
    const again = await invoke(t, click(t, "jamie", checkin.actions[0].verb, checkin.actions[0].data));
    expect(again.value).toBe("There is no open check-in to answer.");
    expect(await t.db.prisma.reportCase.count()).toBe(1);

    // 90 days: answered yes.
    started.clock.advance(60 * DAY);
    await t.app.worker.tick();
    const second = cardsIn(t, "jamie").at(-1);
    expect(second.actions.map((a: any) => a.data)).toEqual([
      { caseNumber, day: 90, answer: "yes" },
      { caseNumber, day: 90, answer: "no" },
    ]);
    const yes = await invoke(t, click(t, "jamie", CASE_VERBS.checkin, second.actions[0].data));
    const linked = await t.db.prisma.reportCase.findFirstOrThrow({ where: { NOT: { number: caseNumber } } });
    expect(linked).toMatchObject({ priority: "high", category: "retaliation", status: "received" });
    expect(linked.linkedCaseId).toBe((await t.db.prisma.reportCase.findFirstOrThrow({ where: { number: caseNumber } })).id);
    expect(cardTexts(yes.value)[0]).toBe(`90-day check-in about ${caseNumber}: you answered yes`);
    expect(cardTexts(yes.value)).toContain(`Case: ${linked.number}`);
    expect(yes.value.actions.map((a: any) => [a.title, a.data.verb, a.data.caseNumber])).toEqual([
      ["View", CASE_VERBS.reporterView, linked.number],
      ["Message the handlers", CASE_VERBS.reporterReplyForm, linked.number],
    ]);
    expect((await t.db.prisma.caseCheckin.findMany({ orderBy: { day: "asc" }, select: { day: true, answer: true } })).map((c) => [c.day, c.answer])).toEqual([
      [30, "no"],
      [90, "yes"],
    ]);

    // The linked case goes to its handler as a high-priority assignment.
    await t.app.worker.tick();
    const assigned = cardsIn(t, "priya").at(-1);
    expect(cardTexts(assigned)[0]).toBe(`Case ${linked.number} was assigned to you`);
    expect(cardTexts(assigned)[1]).toMatch(/^High priority\./);
    // A forged answer is refused politely.
    expect((await invoke(t, click(t, "jamie", CASE_VERBS.checkin, { caseNumber, day: 90, answer: "maybe" }))).value).toBe(MESSAGES.unknownAction);
  });
});
