// A case handler's dialogs in Teams: Add internal note, Reassign (a typeahead offering only the
// people the cases core accepts) and Close with outcome, each task/fetch → task/submit, with
// problems shown in the form next to their field.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { dialog, inputs, invoke, searchInvoke } from "./support/dialogs.ts";
import { cardsIn, click, PEOPLE, startWithPeople } from "./support/people.ts";

/** Jamie reports Lee (confidentially) to the Ethics Officer, Priya; Rosa has left the company. */
async function caseForPriya(t: TeamsTestApp, mode: "confidential" | "anonymous" = "confidential"): Promise<string> {
  await t.db.prisma.person.update({ where: { id: "rosa" }, data: { active: false } });
  const filed = await invoke(
    t,
    dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: "Lee keeps mocking my accent in meetings.", involved: "lee", category: "harassment_discrimination", recipient: "ethics_officer", mode }),
  );
  // Confidential: "Your report C-… was filed" in a message; anonymous: the receipt in the dialog's result.
  expect(filed.task.type).toBe(mode === "anonymous" ? "continue" : "message");
  const caseNumber = /C-\d{4}-\d+/.exec(JSON.stringify(filed.task.value))![0];
  await t.app.worker.tick();
  expect(cardTexts(cardsIn(t, "priya")[0])[0]).toBe(`Case ${caseNumber} was assigned to you`);
  return caseNumber;
}

describe("Teams: handler dialogs", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("Add internal note: an empty note comes back with the error in the form; a note is stored for handlers only", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const caseNumber = await caseForPriya(t);
    const [assigned] = cardsIn(t, "priya");
    const addNote = assigned.actions.find((a: any) => a.title === "Add note");
    expect(addNote.data).toEqual({ verb: CASE_VERBS.noteForm, caseNumber, msteams: { type: "task/fetch" } });

    const fetched = await invoke(t, dialog(t, "priya", "task/fetch", addNote.data));
    expect(fetched.task.type).toBe("continue");
    const form = fetched.task.value.card.content;
    expect(inputs(form).text).toMatchObject({ type: "Input.Text", isRequired: true, isMultiline: true });
    expect(form.actions[0].data).toEqual({ verb: CASE_VERBS.noteSubmit, caseNumber });

    const empty = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.noteSubmit, caseNumber, text: "   " }));
    expect(empty.task.type).toBe("continue");
    const again = empty.task.value.card.content;
    expect(cardTexts(again).some((x) => x.startsWith("⚠️ "))).toBe(true);
    expect(inputs(again).text.errorMessage).toBeTruthy();
    expect(await t.db.prisma.caseMessage.count({ where: { kind: "note" } })).toBe(0);

    const added = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.noteSubmit, caseNumber, text: "Checked the *ledger*; see [folder](http://evil.example)." }));
    expect(added.task).toEqual({ type: "message", value: `Note added to ${caseNumber}. Only its handlers see it.` });
    expect(await t.db.prisma.caseMessage.count({ where: { kind: "note" } })).toBe(1);

    // The note shows in the case, escaped; the reporter is never told of it.
    const opened = await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.open, caseNumber }));
    expect(cardTexts(opened.task.value.card.content).some((x) => x.includes("Checked the \\*ledger\\*; see \\[folder\\]\\(http://evil.example\\)."))).toBe(true);
    await t.app.worker.tick();
    expect(cardsIn(t, "jamie").map((c) => cardTexts(c)[0])).toEqual([`Report filed: ${caseNumber}`]);
  });

  it("Reassign: the typeahead offers only eligible people (never the reporter, the implicated, an inactive person or the handler); invalid choices come back in the form", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const caseNumber = await caseForPriya(t);
    const dataset = `case.reassign:${caseNumber}`;

    const fetched = await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.reassignForm, caseNumber }));
    const picker = inputs(fetched.task.value.card.content).to;
    expect(picker).toMatchObject({ type: "Input.ChoiceSet", style: "filtered", isRequired: true, "choices.data": { type: "Data.Query", dataset, count: 15 } });
    expect(inputs(fetched.task.value.card.content).stay).toMatchObject({ type: "Input.Toggle", value: "false" });
    const offered = picker.choices.map((c: any) => c.value);
    expect(offered.length).toBeGreaterThan(0);
    for (const never of ["jamie", "lee", "rosa", "priya"]) expect(offered).not.toContain(never);

    // Typeahead: application/search answered from the directory, through the cases core.
    const all = await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, ""));
    expect(all.type).toBe("application/vnd.microsoft.search.searchResponse");
    const values = all.value.results.map((r: any) => r.value);
    for (const never of ["jamie", "lee", "rosa", "priya"]) expect(values).not.toContain(never);
    expect(all.value.results.length).toBeLessThanOrEqual(15);
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "sam"))).value.results).toEqual([{ title: "Samira Patel", value: "samira" }]);
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "ros"))).value.results).toEqual([]); // Rosa left
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "lee"))).value.results).toEqual([]); // named in the report
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "jamie"))).value.results).toEqual([]); // the reporter
    // Someone who does not handle the case learns nothing.
    expect((await invoke(t, searchInvoke(t, PEOPLE.kim, dataset, "sam"))).value.results).toEqual([]);

    // Nothing chosen, or a forged choice: the form again with the error next to the picker, nothing changed.
    const none = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.reassignSubmit, caseNumber }));
    expect(none.task.type).toBe("continue");
    expect(inputs(none.task.value.card.content).to.errorMessage).toBe("Choose the new handler.");
    expect(cardTexts(none.task.value.card.content)).toContain("⚠️ Choose the new handler.");
    for (const forged of ["lee", "rosa", "jamie"]) {
      const refused = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.reassignSubmit, caseNumber, to: forged }));
      expect(refused.task.type).toBe("continue");
      expect(cardTexts(refused.task.value.card.content)).toContain("⚠️ This person cannot be assigned to this case.");
    }
    const handlers = async () => (await t.db.prisma.caseHandler.findMany({ where: { removedAt: null }, orderBy: { personId: "asc" } })).map((h) => h.personId);
    expect(await handlers()).toEqual(["priya"]);

    const done = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.reassignSubmit, caseNumber, to: "samira" }));
    expect(done.task).toEqual({ type: "message", value: `Case ${caseNumber} was reassigned.` });
    expect(await handlers()).toEqual(["samira"]);
    expect(await t.db.prisma.outboxMessage.count({ where: { recipientId: "samira", kind: "case.assigned" } })).toBe(1);
    // Priya no longer handles it: her typeahead and form answer nothing.
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, ""))).value.results).toEqual([]);
    expect((await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.reassignForm, caseNumber }))).task).toEqual({ type: "message", value: "No such case." });
  });

  it("Reassign, anonymous case: the dialog and the typeahead offer the reporter like anyone else, and accept them like anyone else", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const caseNumber = await caseForPriya(t, "anonymous");
    const dataset = `case.reassign:${caseNumber}`;
    // Everyone active except the handler and the person named: nothing computed from who reported.
    const expected = (await t.db.prisma.person.findMany({ where: { active: true, id: { notIn: ["priya", "lee"] } }, orderBy: [{ name: "asc" }, { id: "asc" }] })).map((p) => p.id);
    expect(expected).toContain("jamie");

    const fetched = await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.reassignForm, caseNumber }));
    expect(inputs(fetched.task.value.card.content).to.choices.map((c: any) => c.value)).toEqual(expected.slice(0, 15));
    const all = await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, ""));
    expect(all.value.results.map((r: any) => r.value)).toEqual(expected.slice(0, 15));
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "jamie"))).value.results).toEqual([{ title: "Jamie Brooks", value: "jamie" }]);
    expect((await invoke(t, searchInvoke(t, PEOPLE.priya, dataset, "lee"))).value.results).toEqual([]); // named in the report: Priya sees that

    // Handing it on with "stay" to the reporter or to anyone else: the same answer.
    for (const to of ["jamie", "samira"]) {
      const done = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.reassignSubmit, caseNumber, to, stay: "true" }));
      expect(done.task).toEqual({ type: "message", value: `Case ${caseNumber} now has another handler; you still handle it.` });
    }
    const refused = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.reassignSubmit, caseNumber, to: "lee" }));
    expect(cardTexts(refused.task.value.card.content)).toContain("⚠️ This person cannot be assigned to this case.");
    expect((await t.db.prisma.auditEntry.findMany({ where: { action: "case.reassign_refused" } })).map((e) => [e.actor, e.details])).toEqual([["priya", {}]]);
  });

  it("Close with outcome: no outcome comes back in the form; an outcome closes the case and the reporter is told", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const caseNumber = await caseForPriya(t);

    const fetched = await invoke(t, dialog(t, "priya", "task/fetch", { verb: CASE_VERBS.closeForm, caseNumber }));
    const outcome = inputs(fetched.task.value.card.content).outcome;
    expect(outcome.choices.map((c: any) => c.value)).toEqual(["substantiated", "unsubstantiated", "referred"]);
    expect(outcome.choices.map((c: any) => c.title)).toEqual(["Substantiated", "Not substantiated", "Referred elsewhere"]); // as Slack's close form
    expect(outcome.isRequired).toBe(true);

    for (const bad of [undefined, "dismissed"]) {
      const refused = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.closeSubmit, caseNumber, ...(bad ? { outcome: bad } : {}) }));
      expect(refused.task.type).toBe("continue");
      const form = refused.task.value.card.content;
      expect(inputs(form).outcome.errorMessage).toBe("Choose an outcome to close the case.");
      expect(cardTexts(form)).toContain("⚠️ Choose an outcome to close the case.");
    }
    expect((await t.db.prisma.reportCase.findFirstOrThrow()).status).not.toBe("closed");

    // The core's rules stand: a case is acknowledged before it is closed.
    const early = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.closeSubmit, caseNumber, outcome: "substantiated" }));
    expect(early.task).toEqual({ type: "message", value: "A received case cannot become closed." });
    expect(cardTexts((await invoke(t, click(t, "priya", CASE_VERBS.acknowledge, { caseNumber }))).value)[0]).toBe(`Case ${caseNumber} acknowledged`);

    const closed = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.closeSubmit, caseNumber, outcome: "substantiated" }));
    expect(closed.task).toEqual({ type: "message", value: `${caseNumber} is closed – substantiated. The reporter has been told.` });
    expect(await t.db.prisma.reportCase.findFirstOrThrow()).toMatchObject({ status: "closed", outcome: "substantiated" });
    await t.app.worker.tick();
    const toJamie = cardsIn(t, "jamie").at(-1);
    expect(cardTexts(toJamie)[0]).toBe(`Your report ${caseNumber} is now closed`);
    expect(cardTexts(toJamie)).toContain("The concern was substantiated.");

    // Closing again: the core's answer, as the dialog's message.
    const again = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.closeSubmit, caseNumber, outcome: "referred" }));
    expect(again.task.type).toBe("message");
  });
});
