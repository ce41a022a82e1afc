// People pickers in Teams: where a form asks for people (report intake's people involved, the
// delegate dialog; reassign is in handlerDialogs.test.ts) it is an Input.ChoiceSet with a dynamic
// typeahead (`choices.data` of type Data.Query), and the bot answers Teams' `application/search`
// invoke from the directory.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_VERBS, CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, personalMessage, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { dialog, inputs, invoke, searchInvoke as search } from "./support/dialogs.ts";
import { cardsIn, chatOf, PEOPLE, startWithPeople } from "./support/people.ts";

describe("Teams: people pickers (dynamic typeahead)", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("report intake: people involved is a Data.Query typeahead answered from the directory; chosen people are kept by name when the form comes back", async () => {
    ({ t } = await startWithPeople("jamie"));
    await t.db.prisma.person.update({ where: { id: "rosa" }, data: { active: false } });
    const fetched = await invoke(t, dialog(t, "jamie", "task/fetch", { verb: CASE_VERBS.reportForm }));
    const involved = inputs(fetched.task.value.card.content).involved;
    expect(involved).toMatchObject({ type: "Input.ChoiceSet", style: "filtered", isMultiSelect: true, "choices.data": { type: "Data.Query", dataset: "people", count: 15 } });
    expect(involved.choices).toEqual([]); // no static list of the whole company in the card

    const lee = await invoke(t, search(t, PEOPLE.jamie, "people", "lee"));
    expect(lee).toEqual({ type: "application/vnd.microsoft.search.searchResponse", value: { results: [{ title: "Lee Jordan", value: "lee" }] } });
    const byEmail = await invoke(t, search(t, PEOPLE.jamie, "people", "SAMIRA@example"));
    expect(byEmail.value.results).toEqual([{ title: "Samira Patel", value: "samira" }]);
    expect((await invoke(t, search(t, PEOPLE.jamie, "people", "rosa"))).value.results).toEqual([]); // left the company
    const everyone = (await invoke(t, search(t, PEOPLE.jamie, "people", ""))).value.results;
    expect(everyone.length).toBe(13); // the example company, less Rosa (Teams would show at most 15)
    expect(everyone.map((r: any) => r.value)).not.toContain("rosa");
    // A dataset nobody answers for, or a malformed query: no choices rather than an error.
    expect((await invoke(t, search(t, PEOPLE.jamie, "customers", "acme"))).value.results).toEqual([]);
    expect((await invoke(t, { ...search(t, PEOPLE.jamie, "people", "lee"), value: { queryText: 42 } })).value.results).toEqual([]);
    // Someone Teams cannot identify gets nothing.
    const stranger = { id: "29:1stranger", name: "Stranger", aadObjectId: "99999999-0000-0000-0000-000000000000" };
    expect((await invoke(t, search(t, stranger, "people", "lee"))).value.results).toEqual([]);

    // A missing category: the form comes back with Lee and Dana still chosen, shown by name.
    const back = await invoke(t, dialog(t, "jamie", "task/submit", { verb: CASE_VERBS.reportSubmit, what: "Something happened.", involved: "lee,dana", mode: "confidential" }));
    expect(back.task.type).toBe("continue");
    const kept = inputs(back.task.value.card.content).involved;
    expect(kept.value).toBe("lee,dana");
    expect(kept.choices).toEqual([
      { title: "Lee Jordan", value: "lee" },
      { title: "Dana Reyes", value: "dana" },
    ]);
    expect(kept["choices.data"]).toEqual({ type: "Data.Query", dataset: "people", count: 15 });
  });

  it("delegate: the `delegate` command, a dialog with a typeahead for the delegate, errors in the form, then set and stop", async () => {
    ({ t } = await startWithPeople("dana", "kim"));
    const res = await t.post(personalMessage({ serviceUrl: t.connector.url, from: PEOPLE.dana, conversationId: chatOf("dana"), text: "delegate" }));
    expect(res.status).toBe(200);
    const [start] = cardsIn(t, "dana");
    expect(cardTexts(start)).toEqual(["Delegate approvals", "Nobody decides your approvals for you: they wait for you."]);
    expect(start.actions[0].title).toBe("Delegate approvals");
    expect(start.actions[0].data).toEqual({ verb: APPROVAL_VERBS.delegateForm, msteams: { type: "task/fetch" } });

    const fetched = await invoke(t, dialog(t, "dana", "task/fetch", start.actions[0].data));
    const form = fetched.task.value.card.content;
    expect(inputs(form).delegateId).toMatchObject({ type: "Input.ChoiceSet", style: "filtered", "choices.data": { type: "Data.Query", dataset: "people" } });
    expect(form.actions[0].data).toEqual({ verb: APPROVAL_VERBS.delegateSubmit });
    expect((await invoke(t, search(t, PEOPLE.dana, "people", "kim"))).value.results).toEqual([{ title: "Kim Nguyen", value: "kim" }]);

    const none = await invoke(t, dialog(t, "dana", "task/submit", { verb: APPROVAL_VERBS.delegateSubmit, until: "2026-01-20" }));
    expect(none.task.type).toBe("continue");
    expect(cardTexts(none.task.value.card.content)).toContain("⚠️ Choose who decides for you.");
    expect(inputs(none.task.value.card.content).until.value).toBe("2026-01-20");
    const self = await invoke(t, dialog(t, "dana", "task/submit", { verb: APPROVAL_VERBS.delegateSubmit, delegateId: "dana" }));
    expect(cardTexts(self.task.value.card.content)).toContain("⚠️ Choose someone other than yourself.");
    const past = await invoke(t, dialog(t, "dana", "task/submit", { verb: APPROVAL_VERBS.delegateSubmit, delegateId: "kim", until: "2025-12-31" }));
    expect(inputs(past.task.value.card.content).delegateId).toMatchObject({ value: "kim", choices: [{ title: "Kim Nguyen", value: "kim" }] });
    expect(cardTexts(past.task.value.card.content).some((x) => x.startsWith("⚠️ ") && /future/.test(x))).toBe(true);
    expect(await t.db.prisma.approvalDelegate.count()).toBe(0);

    const set = await invoke(t, dialog(t, "dana", "task/submit", { verb: APPROVAL_VERBS.delegateSubmit, delegateId: "kim", until: "2026-01-20" }));
    expect(set.task).toEqual({ type: "message", value: "Kim Nguyen now decides your approvals for you until the end of 2026-01-20 (UTC). They were told." });
    expect(await t.db.prisma.approvalDelegate.findMany({ select: { personId: true, delegateId: true } })).toEqual([{ personId: "dana", delegateId: "kim" }]);
    await t.app.worker.tick();
    expect(cardTexts(cardsIn(t, "kim").at(-1))[0]).toBe("You are now a delegate");

    // The dialog again: Kim already chosen; stopping clears it.
    const again = await invoke(t, dialog(t, "dana", "task/fetch", { verb: APPROVAL_VERBS.delegateForm }));
    expect(inputs(again.task.value.card.content).delegateId.value).toBe("kim");
    expect(inputs(again.task.value.card.content).stop.type).toBe("Input.Toggle");
    const stopped = await invoke(t, dialog(t, "dana", "task/submit", { verb: APPROVAL_VERBS.delegateSubmit, delegateId: "kim", stop: "true" }));
    expect(stopped.task).toEqual({ type: "message", value: "You decide your approvals yourself again; your delegate no longer decides for you." });
    expect(await t.db.prisma.approvalDelegate.count()).toBe(0);
  });
});
