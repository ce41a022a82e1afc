// Reports in Teams: the report form is a dialog (task/fetch, task/submit); the receipt comes to
// the 1:1 chat (an anonymous one: the dialog's result, and only a neutral card in the chat);
// handlers get content-free cards and read the case in a dialog.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CASE_VERBS, VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { dialog, inputs, invoke } from "./support/dialogs.ts";
import { cardsIn, chatOf, click, startWithPeople } from "./support/people.ts";

const WHAT = "My team lead keeps making comments about my accent in meetings.\nIt happened again on Monday.";

describe("Teams: reports", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("Report a concern opens the form in a dialog; a missing field brings the form back with the error next to it and the text kept", async () => {
    ({ t } = await startWithPeople("jamie"));
    const start = await invoke(t, click(t, "jamie", VERBS.reportConcern, { clauseId: "8" }));
    const button = start.value.actions[0];
    expect(button).toMatchObject({ type: "Action.Submit", data: { verb: CASE_VERBS.reportForm, msteams: { type: "task/fetch" } } });

    const fetched = await invoke(t, dialog(t, "jamie", "task/fetch", button.data));
    expect(fetched.task.type).toBe("continue");
    const form = fetched.task.value.card.content;
    expect(Object.keys(inputs(form))).toEqual(["what", "when", "where", "involved", "category", "recipient", "directorId", "mode"]);
    expect(inputs(form).what.isRequired).toBe(true);

    const submitted = await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, where: "Plant 2", mode: "confidential", recipient: "ethics_officer" }));
    expect(submitted.task.type).toBe("continue");
    const again = submitted.task.value.card.content;
    expect(inputs(again).what.value).toBe(WHAT);
    expect(inputs(again).where.value).toBe("Plant 2");
    const texts = cardTexts(again);
    const categoryError = texts.indexOf("⚠️ Choose what the report is about");
    expect(categoryError).toBeGreaterThan(-1);
    expect(await t.db.prisma.reportCase.count()).toBe(0);
  });

  it("an anonymous report: receipt in the dialog's result, and the handler's card and dialog never show who reported", async () => {
    const { t: started } = await startWithPeople("jamie", "priya");
    t = started;
    const filed = await invoke(
      t,
      dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, category: "harassment_discrimination", recipient: "ethics_officer", mode: "anonymous" }),
    );
    expect(filed.task.type).toBe("continue");
    const receipt = filed.task.value.card.content;
    const caseNumber = /C-\d{4}-\d+/.exec(cardTexts(receipt)[0]!)![0];
    expect(cardTexts(receipt)[0]).toBe(`Report filed: ${caseNumber}`);
    expect(cardTexts(receipt)).toContain("It went to the ethics officer."); // where it went, on every surface
    const row = await t.db.prisma.reportCase.findFirstOrThrow();
    expect(JSON.stringify(receipt)).toContain(row.receiptDigest); // the full code, as on every surface

    await t.app.worker.tick();
    expect(cardsIn(t, "jamie").map((c) => cardTexts(c)[0])).toEqual(["You have a private update"]);
    const [assigned] = cardsIn(t, "priya");
    expect(cardTexts(assigned)[0]).toBe(`Case ${caseNumber} was assigned to you`);
    expect(assigned.actions.map((a: any) => a.title)).toEqual(["Open", "Acknowledge", "Message reporter", "Add note", "Reassign", "Close"]);
    const serialized = JSON.stringify(t.connector.sent(chatOf("priya")).map((c) => c.body));
    expect(serialized).not.toMatch(/Jamie|jamie|accent/);

    const opened = await invoke(t, dialog(t, "priya", "task/fetch", assigned.actions[0].data));
    const texts = cardTexts(opened.task.value.card.content);
    expect(texts).toContain(`Reporter: Reporter of ${caseNumber}`);
    expect(JSON.stringify(opened)).not.toMatch(/Jamie/);
    expect(texts.some((x) => x.includes("accent in meetings"))).toBe(true);
  });

  it("confidential: handler and reporter exchange messages through dialogs; notifications carry only the case number", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const filed = await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: WHAT, category: "harassment_discrimination", mode: "confidential" }));
    const caseNumber = /C-\d{4}-\d+/.exec(filed.task.value)![0];
    await t.app.worker.tick();

    const ack = await invoke(t, click(t, "priya", CASE_VERBS.acknowledge, { caseNumber }));
    expect(cardTexts(ack.value)[0]).toBe(`Case ${caseNumber} acknowledged`);
    expect(ack.value.actions.map((a: any) => a.title)).toEqual(["Open", "Message reporter", "Add note", "Reassign", "Close"]); // nothing left to acknowledge

    const form = await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.messageForm, caseNumber }));
    const submitVerb = form.task.value.card.content.actions[0].data;
    expect(submitVerb).toEqual({ verb: CASE_VERBS.messageSubmit, caseNumber });
    const sent = await invoke(t, dialog(t, "priya", "task/submit", { ...submitVerb, text: "Thank you. Could you tell us which meetings?" }));
    expect(sent.task).toEqual({ type: "message", value: `Sent to the reporter of ${caseNumber}.` });

    await t.app.worker.tick();
    const toJamie = cardsIn(t, "jamie").map((c) => cardTexts(c)[0]);
    expect(toJamie).toContain(`New message on ${caseNumber}`);
    expect(JSON.stringify(t.connector.sent(chatOf("jamie")).map((c) => c.body))).not.toContain("which meetings");

    const viewed = await invoke(t, dialog(t, "jamie", "task/fetch", { verb: CASE_VERBS.reporterView, caseNumber }));
    expect(cardTexts(viewed.task.value.card.content).some((x) => x.includes("which meetings?"))).toBe(true);
    const replied = await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reporterReplySubmit, caseNumber, text: "The Monday stand-ups." }));
    expect(replied.task.type).toBe("message");
    await t.app.worker.tick();
    expect(cardsIn(t, "priya").map((c) => cardTexts(c)[0])).toContain(`The reporter wrote on case ${caseNumber}`);
  });
});
