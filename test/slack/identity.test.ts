// Who is who, attacked through POST /slack/events: a second Slack account whose profile email is
// the ethics officer's, a Slack Connect member of another workspace, guests and deactivated users.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { slashCommand } from "../support/slack.ts";
import { click, dm, fileThroughSlack, nextUpdate, postsTo, REPORT_TEXT, startCompany, texts, type Company } from "./company.ts";

const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";

describe("Slack: identity by platform id, not by profile email", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("does not let a second account with the ethics officer's email open her case", async () => {
    await fileThroughSlack(h, ALEX);
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));
    h.slack.users.set("U0EVE", { id: "U0EVE", name: "Priya Nair", email: "Priya@Example.com" });

    const before = h.slack.callsTo("views.update").length;
    await click(h, "U0EVE", assigned!, "case.open");
    const shown = JSON.stringify(await nextUpdate(h, before));
    expect(shown).toContain("The company directory lists another Slack account for your email address");
    expect(shown).not.toContain("SECRET-WHAT-4471");
    expect(shown).not.toContain(REPORT_TEXT.slice(0, 20));
    const priya = await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: "priya" } });
    expect(priya.slackId).toBe(PRIYA);
    expect(await h.app.db.prisma.person.count({ where: { slackId: "U0EVE" } })).toBe(0);
  });

  it("refuses Slack Connect members of another workspace, guests and deactivated users, saying why, and enrols none", async () => {
    const people = await h.app.db.prisma.person.count();
    const accounts = [
      { id: "U0PARTNER", name: "Pat Partner", email: "pat@partner.example", teamId: "T0PARTNER", says: "belongs to another organisation" },
      { id: "U0GUEST", name: "Gus Guest", email: "gus@example.com", guest: "multi" as const, says: "Guest accounts can't use this bot" },
      { id: "U0SINGLE", name: "Sid Single", email: "sid@example.com", guest: "single" as const, says: "Guest accounts can't use this bot" },
      { id: "U0GONE", name: "Dee Parted", email: "dee@example.com", deleted: true, says: "is deactivated" },
    ];
    for (const { says, ...account } of accounts) {
      h.slack.users.set(account.id, account);
      await h.sendForm(slashCommand(account.id, dm(account.id), "requests", h.slack.responseUrl(account.id)));
      const [reply] = await h.slack.waitFor("response_url", { where: (c) => c.args._path === `/respond/${account.id}` });
      expect(texts(reply!), account.id).toContain(says);
    }
    expect(await h.app.db.prisma.person.count()).toBe(people);
  });
});
