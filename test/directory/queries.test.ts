import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleText, freshDirectory, type TestDirectory } from "./support.ts";

describe("directory queries over the example company", () => {
  let t: TestDirectory;
  beforeAll(async () => {
    t = await freshDirectory();
    await t.directory.importText(exampleText());
  });
  afterAll(async () => t?.db.close());

  const ids = (people: Array<{ id: string }>) => people.map((p) => p.id);

  it("resolves the same person by Slack id and by Teams id", async () => {
    const bySlack = await t.directory.resolve("slack", "U0DANA");
    const byTeams = await t.directory.resolve("teams", "00000000-0000-0000-0000-00000000000d");
    expect(bySlack?.id).toBe("dana");
    expect(byTeams).toEqual(bySlack);
    // AAD object ids arrive in either case.
    expect((await t.directory.resolve("teams", "00000000-0000-0000-0000-00000000000D"))?.id).toBe("dana");
  });

  it("resolves nobody for an unknown platform id, and null for an unknown person id", async () => {
    expect(await t.directory.resolve("slack", "U0NOBODY")).toBeNull();
    expect(await t.directory.resolve("slack", "00000000-0000-0000-0000-00000000000d")).toBeNull();
    expect(await t.directory.get("nobody")).toBeNull();
    expect(await t.directory.supervisorOf("nobody")).toBeNull();
    expect(await t.directory.chainAbove("nobody")).toEqual([]);
  });

  it("walks the chain above a person, nearest first, up to the President", async () => {
    expect(ids(await t.directory.chainAbove("kim"))).toEqual(["lee", "dana", "omar"]);
    expect(ids(await t.directory.chainAbove("taylor"))).toEqual(["rosa", "marcus", "omar"]);
    expect(ids(await t.directory.chainAbove("priya"))).toEqual(["samira", "omar"]);
    expect(await t.directory.chainAbove("omar")).toEqual([]);
    expect(await t.directory.chainAbove("helen")).toEqual([]); // directors report to no one
  });

  it("names a person's supervisor, and none for the top", async () => {
    expect((await t.directory.supervisorOf("jamie"))?.name).toBe("Rosa Martins");
    expect(await t.directory.supervisorOf("omar")).toBeNull();
  });

  it("finds the Board, the Audit Committee, the executive officers and the other roles", async () => {
    expect(ids(await t.directory.holdersOf("director"))).toEqual(["grace", "helen", "victor"]);
    expect(ids(await t.directory.holdersOf("audit_committee"))).toEqual(["grace", "victor"]);
    expect(ids(await t.directory.holdersOf("executive_officer"))).toEqual(["dana", "marcus"]);
    expect(ids(await t.directory.holdersOf("president"))).toEqual(["omar"]);
    expect(ids(await t.directory.holdersOf("attorney"))).toEqual(["samira"]);
    expect(ids(await t.directory.holdersOf("ethics_officer"))).toEqual(["priya"]);
    expect(ids(await t.directory.holdersOf("officer"))).toEqual(["dana", "marcus", "omar"]);
  });

  it("ends the chain instead of looping if the stored data ever holds a cycle", async () => {
    await t.db.prisma.person.update({ where: { id: "omar" }, data: { supervisorId: "kim" } });
    try {
      expect(ids(await t.directory.chainAbove("kim"))).toEqual(["lee", "dana", "omar"]);
    } finally {
      await t.db.prisma.person.update({ where: { id: "omar" }, data: { supervisorId: null } });
    }
  });
});
