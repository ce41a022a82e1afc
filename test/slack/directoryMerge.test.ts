// A directory import merges people who had enrolled through Slack into their new entries. Cases
// filed before keep their rules: the people named stay excluded, the reporter keeps their case.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { blockAction, people, person } from "../support/slack.ts";
import { clickForModal, dm, fileThroughSlack, nextUpdate, postsTo, startCompany, submit, type Company } from "./company.ts";

const PRIYA = "U0PRIYA";
const RAVI = "U0RAVI"; // reports, not yet in the directory file
const NORA = "U0NORA"; // named in the report, not yet in the directory file

/** directory.example.yaml plus Ravi and Nora under ids of their own (no Slack ids: learnt from their enrolment). */
function fileWithBoth(): string {
  const path = join(mkdtempSync(join(tmpdir(), "conduct-merge-")), "directory.yaml");
  const extra = [
    "  - id: ravi\n    name: Ravi Shah\n    email: ravi@example.com\n    supervisor: lee\n",
    "  - id: nora\n    name: Nora Quinn\n    email: nora@example.com\n    supervisor: lee\n",
  ].join("\n");
  writeFileSync(path, `${readFileSync("directory.example.yaml", "utf8").trimEnd()}\n\n${extra}`);
  return path;
}

describe("Slack: cases across a directory merge", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  afterEach(async () => h?.close());

  it("keeps the people named excluded and the reporter's access after an import merges them into file entries", async () => {
    h = await startCompany();
    h.slack.users.set(RAVI, { id: RAVI, name: "Ravi Shah", email: "ravi@example.com" });
    h.slack.users.set(NORA, { id: NORA, name: "Nora Quinn", email: "nora@example.com" });
    await fileThroughSlack(h, RAVI, { involved: people(NORA) });
    await h.app.worker.tick();
    const { number } = await h.app.db.prisma.reportCase.findFirstOrThrow();
    expect((await h.app.db.prisma.person.findMany({ where: { source: "platform" }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual(["slack:U0NORA", "slack:U0RAVI"]);

    const summary = await h.app.directory.importFile(fileWithBoth()); // what DIRECTORY_FILE does at start
    expect(summary).toMatchObject({ created: 2, merged: 2 });
    expect((await h.app.directory.resolve("slack", NORA))?.id).toBe("nora");

    // Nora, named in the report, cannot be made its handler under her new id.
    const [assigned] = postsTo(h, dm(PRIYA));
    const form = await clickForModal(h, PRIYA, assigned!, "case.reassign");
    const refused = await submit(h, PRIYA, form, { to: person(NORA), stay: { type: "checkboxes", selected_options: [{ value: "stay" }] } });
    expect(refused.body).toEqual({ response_action: "errors", errors: { to: "This person cannot be assigned to this case." } });
    expect((await h.app.db.prisma.caseHandler.findMany()).map((x) => x.personId)).toEqual(["priya"]);

    // Ravi still opens his own report.
    const before = h.slack.callsTo("views.update").length;
    await h.sendForm(blockAction({ user: RAVI, channel: dm(RAVI), messageTs: "1800000000.000001", button: { action_id: "case.reporter_view", value: number }, responseUrl: h.slack.responseUrl("view") }));
    const view = JSON.stringify(await nextUpdate(h, before));
    expect(view).not.toContain("No such case.");
    expect(view).toContain(number);
  });
});
