import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlatformAccount } from "../../src/core/directory/enrol.ts";
import { createDirectoryService } from "../../src/core/directory/service.ts";
import { exampleText, freshDirectory, type TestDirectory } from "./support.ts";

/** A platform lookup that counts its calls, as Slack users.info or a Teams member lookup would be. */
function lookupOf(result: PlatformAccount | null) {
  const lookup = async () => {
    lookup.calls++;
    return result;
  };
  lookup.calls = 0;
  return lookup;
}

describe("resolveOrEnrol", () => {
  let t: TestDirectory;
  // In a hook: the first database of a test file takes a while (PGlite compiles, then clones).
  beforeEach(async () => void (t = await freshDirectory()));
  afterEach(async () => t?.db.close());

  it("enrols an unknown user without supervisor or roles and gives the notice exactly once", async () => {
    await t.directory.importText(exampleText());
    const lookup = lookupOf({ name: "Noor Ali", email: "Noor@Example.com" });

    const first = await t.directory.resolveOrEnrol("slack", "U0NOOR", lookup);
    expect(first?.person).toMatchObject({ name: "Noor Ali", email: "noor@example.com", slackId: "U0NOOR", supervisorId: null, roles: [] });
    expect(first?.notice).toContain("Priya Nair");
    expect(first?.notice).toMatch(/not in the company directory.*supervisor.*ethics officer/);

    const second = await t.directory.resolveOrEnrol("slack", "U0NOOR", lookup);
    expect(second).toEqual({ person: first!.person });
    expect(lookup.calls).toBe(1); // known now: no second platform lookup
    expect(await t.directory.resolve("slack", "U0NOOR")).toEqual(first!.person);
    expect(await t.db.prisma.person.count()).toBe(15);
  });

  it("gives the notice once even when the same person arrives on the other platform", async () => {
    await t.directory.importText(exampleText());
    const noor = { name: "Noor Ali", email: "noor@example.com" };
    const onSlack = await t.directory.resolveOrEnrol("slack", "U0NOOR", lookupOf(noor));
    const onTeams = await t.directory.resolveOrEnrol("teams", "AAAAAAAA-0000-0000-0000-0000000000AA", lookupOf(noor));
    expect(onSlack?.notice).toBeDefined();
    expect(onTeams).toEqual({ person: { ...onSlack!.person, teamsId: "aaaaaaaa-0000-0000-0000-0000000000aa" } });
    expect(await t.directory.resolve("teams", "aaaaaaaa-0000-0000-0000-0000000000aa")).toEqual(onTeams!.person);
    expect(await t.db.prisma.person.count()).toBe(15);
  });

  it("links a new platform account to the person with that email instead of creating a duplicate", async () => {
    const people = exampleText().replace("    slack: U0KIM\n", "");
    await t.directory.importText(people);
    const result = await t.directory.resolveOrEnrol("slack", "U0KIMNEW", lookupOf({ name: "Kim N.", email: "KIM@example.com" }));
    expect(result).toEqual({ person: expect.objectContaining({ id: "kim", name: "Kim Nguyen", slackId: "U0KIMNEW", supervisorId: "lee" }) });
    expect(await t.db.prisma.person.count()).toBe(14);
    expect((await t.directory.resolve("slack", "U0KIMNEW"))?.id).toBe("kim");
  });

  it("does not replace the platform id the file gives a person, nor take another account with that email as them", async () => {
    await t.directory.importText(exampleText());
    // Was: this returned Kim. An email on a profile is only a claim; the pinned id decides.
    const result = await t.directory.resolveOrEnrol("slack", "W0KIMGRID", lookupOf({ name: "Kim", email: "kim@example.com" }));
    expect(result).toEqual({ refused: "other_account_pinned" });
    expect(await t.directory.resolve("slack", "U0KIM")).toMatchObject({ id: "kim", slackId: "U0KIM" });
    expect(await t.db.prisma.person.count()).toBe(14);
    // Someone a form names is still found by email (so routing keeps them off the case); nothing is linked.
    const named = await t.directory.resolveOrEnrol("slack", "W0KIMGRID", lookupOf({ name: "Kim", email: "kim@example.com" }), "named");
    expect(named?.person).toMatchObject({ id: "kim", slackId: "U0KIM" });
    expect(await t.directory.resolve("slack", "W0KIMGRID")).toBeNull();
  });

  it("refuses guests, deactivated accounts and other organisations' unless allowed, storing nothing", async () => {
    await t.directory.importText(exampleText());
    const noor = { name: "Noor Ali", email: "noor@example.com" };
    const home = { organisations: ["T0HOME"], home: ["T0HOME"] };
    expect(await t.directory.resolveOrEnrol("slack", "U01", lookupOf({ ...noor, ...home, guest: true }))).toEqual({ refused: "guest" });
    expect(await t.directory.resolveOrEnrol("slack", "U02", lookupOf({ ...noor, ...home, deactivated: true }))).toEqual({ refused: "deactivated" });
    expect(await t.directory.resolveOrEnrol("slack", "U03", lookupOf({ ...noor, organisations: ["T0OTHER"], home: ["T0HOME"] }))).toEqual({ refused: "other_organisation" });
    expect(await t.db.prisma.person.count()).toBe(14);

    const open = createDirectoryService(t.repo, undefined, { allowGuests: true, allowedOrganisations: ["T0OTHER"] });
    expect((await open.resolveOrEnrol("slack", "U03", lookupOf({ ...noor, organisations: ["T0OTHER"], home: ["T0HOME"], guest: true })))?.person).toMatchObject({ email: "noor@example.com" });
  });

  it("returns null and stores nothing when the platform cannot say who it is", async () => {
    await t.directory.importText(exampleText());
    expect(await t.directory.resolveOrEnrol("slack", "U0BOT", lookupOf(null))).toBeNull();
    expect(await t.directory.resolveOrEnrol("teams", "bbbbbbbb-0000-0000-0000-000000000000", lookupOf({ name: "Guest", email: "" }))).toBeNull();
    expect(await t.db.prisma.person.count()).toBe(14);
  });

  it("enrols one person and gives one notice when two first messages arrive together", async () => {
    await t.directory.importText(exampleText());
    const lookup = lookupOf({ name: "Noor Ali", email: "noor@example.com" });
    const results = await Promise.all([1, 2, 3].map(() => t.directory.resolveOrEnrol("slack", "U0NOOR", lookup)));
    expect(new Set(results.map((r) => r?.person?.id)).size).toBe(1);
    expect(results.filter((r) => r?.notice)).toHaveLength(1);
    expect(await t.db.prisma.person.count()).toBe(15);
  });

  it("enrols someone removed from the file afresh: active again, without their old supervisor or roles", async () => {
    await t.directory.importText(exampleText());
    await t.directory.importText(exampleText().replace(/  - id: grace\n(    .*\n)+\n/, ""));
    expect(await t.directory.resolve("slack", "U0GRACE")).toBeNull();
    const back = await t.directory.resolveOrEnrol("slack", "U0GRACE", lookupOf({ name: "Grace Liu", email: "grace@example.com" }));
    expect(back?.person).toMatchObject({ id: "grace", roles: [], supervisorId: null, slackId: "U0GRACE" });
    expect(back?.notice).toBeDefined();
    expect((await t.directory.holdersOf("audit_committee")).map((p) => p.id)).toEqual(["victor"]);
  });

  it("says there is an ethics officer to go to even when the directory names none", async () => {
    const result = await t.directory.resolveOrEnrol("teams", "cccccccc-0000-0000-0000-000000000000", lookupOf({ name: "Sam", email: "sam@example.com" }));
    expect(result?.person?.id).toBe("teams:cccccccc-0000-0000-0000-000000000000");
    expect(result?.notice).toContain("go to the ethics officer instead");
  });
});
