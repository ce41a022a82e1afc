// Oversized input in Teams gets the form back with the limit named next to the field.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CASE_VERBS } from "../../src/surfaces/teams/verbs.ts";
import { cardTexts, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { dialog, inputs, invoke } from "./support/dialogs.ts";
import { startWithPeople } from "./support/people.ts";

describe("Teams: oversized input", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("gives a 100 KB report back in the form, saying how long it may be; a 30 KB case note likewise", async () => {
    ({ t } = await startWithPeople("jamie", "priya"));
    const report = { verb: CASE_VERBS.reportSubmit, what: "x".repeat(100_000), category: "harassment_discrimination", recipient: "ethics_officer", mode: "confidential" };
    const refused = await invoke(t, dialog(t, "jamie", "task/submit", report));
    expect(refused.task.type).toBe("continue");
    const form = refused.task.value.card.content;
    expect(cardTexts(form)).toContain("⚠️ Keep this under 20000 characters \\(you can add more as messages after filing\\)"); // escaped for the card
    expect(inputs(form).what.value).toHaveLength(100_000); // the text is kept
    expect(await t.db.prisma.reportCase.count()).toBe(0);

    const filed = await invoke(t, dialog(t, "jamie", "task/submit", { ...report, what: "Lee keeps mocking my accent in meetings." }));
    const caseNumber = /C-\d{4}-\d+/.exec(filed.task.value)![0];
    const note = await invoke(t, dialog(t, "priya", "task/submit", { verb: CASE_VERBS.noteSubmit, caseNumber, text: "y".repeat(30_000) }));
    expect(note.task.type).toBe("continue");
    expect(cardTexts(note.task.value.card.content)).toContain("⚠️ Keep a message under 10000 characters");
    expect(await t.db.prisma.caseMessage.count()).toBe(0);
  });
});
