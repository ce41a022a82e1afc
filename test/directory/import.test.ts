import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DirectoryFileError } from "../../src/core/directory/file.ts";
import { describeImport, importDirectoryText } from "../../src/core/directory/importDirectory.ts";
import type { DirectoryRepository, DirectoryWriter } from "../../src/core/directory/repository.ts";
import { examplePeople, exampleText, fileOf, freshDirectory, snapshot, type TestDirectory } from "./support.ts";

const slackLookup = (name: string, email: string) => async () => ({ name, email });

describe("directory import", () => {
  let t: TestDirectory;
  // In a hook: the first database of a test file takes a while (PGlite compiles, then clones).
  beforeEach(async () => void (t = await freshDirectory()));
  afterEach(async () => t?.db.close());

  it("imports the example company: people, supervisors and roles", async () => {
    const summary = await t.directory.importText(exampleText(), "directory.example.yaml");
    expect(describeImport(summary)).toBe("imported 14 people (14 new, 0 updated, 0 deactivated)");
    expect(await t.directory.get("kim")).toEqual({
      id: "kim",
      name: "Kim Nguyen",
      email: "kim@example.com",
      slackId: "U0KIM",
      teamsId: "00000000-0000-0000-0000-00000000000a",
      supervisorId: "lee",
      roles: [],
    });
    expect((await t.directory.get("dana"))?.roles).toEqual(["executive_officer", "officer"]);
    expect((await t.directory.supervisorOf("kim"))?.id).toBe("lee");
    expect(await t.db.prisma.person.count()).toBe(14);
  });

  it("is idempotent: importing the same file again changes no row", async () => {
    await t.directory.importText(exampleText());
    const before = await snapshot(t.db);
    const again = await t.directory.importText(exampleText());
    expect(again).toEqual({ total: 14, created: 0, updated: 0, unchanged: 14, deactivated: 0, merged: 0 });
    expect(await snapshot(t.db)).toEqual(before); // updatedAt included: nothing was rewritten
  });

  it("updates changed people and counts only them", async () => {
    await t.directory.importText(exampleText());
    const people = examplePeople();
    const kim = people.find((p) => p.id === "kim")!;
    kim.name = "Kim Nguyen-Ortiz";
    kim.supervisor = "rosa";
    people.find((p) => p.id === "lee")!.roles = ["officer"];
    const summary = await t.directory.importText(fileOf(people));
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 12, deactivated: 0 });
    expect(await t.directory.get("kim")).toMatchObject({ name: "Kim Nguyen-Ortiz", supervisorId: "rosa" });
    expect((await t.directory.holdersOf("officer")).map((p) => p.id)).toContain("lee");
  });

  it("deactivates people no longer in the file: kept for get, gone from holdersOf and resolve; back when re-added", async () => {
    await t.directory.importText(exampleText());
    const without = examplePeople().filter((p) => p.id !== "grace");
    expect(describeImport(await t.directory.importText(fileOf(without)))).toBe("imported 13 people (0 new, 0 updated, 1 deactivated)");
    expect((await t.directory.get("grace"))?.name).toBe("Grace Liu");
    expect((await t.directory.holdersOf("audit_committee")).map((p) => p.id)).toEqual(["victor"]);
    expect((await t.directory.holdersOf("director")).map((p) => p.id)).toEqual(["helen", "victor"]);
    expect(await t.directory.resolve("slack", "U0GRACE")).toBeNull();
    expect(await t.directory.resolve("teams", "00000000-0000-0000-0000-000000000005")).toBeNull();

    expect((await t.directory.importText(fileOf(without))).deactivated).toBe(0); // already inactive
    expect(await t.directory.importText(exampleText())).toMatchObject({ created: 0, updated: 1, deactivated: 0 });
    expect((await t.directory.resolve("slack", "U0GRACE"))?.id).toBe("grace");
    expect((await t.directory.holdersOf("audit_committee")).map((p) => p.id)).toEqual(["grace", "victor"]);
  });

  it("keeps people who enrolled through a platform when the file does not list them", async () => {
    await t.directory.importText(exampleText());
    await t.directory.resolveOrEnrol("slack", "U0NEWBIE", slackLookup("Noor Ali", "noor@example.com"));
    const summary = await t.directory.importText(exampleText());
    expect(summary.deactivated).toBe(0);
    expect((await t.directory.resolve("slack", "U0NEWBIE"))?.name).toBe("Noor Ali");
  });

  it("merges someone who enrolled through a platform once HR adds them to the file under their own id", async () => {
    await t.directory.importText(exampleText());
    const enrolled = await t.directory.resolveOrEnrol("slack", "U0NOOR", slackLookup("Noor Ali", "Noor@Example.com"));
    const oldId = enrolled!.person!.id;
    const people = [...examplePeople(), { id: "noor", name: "Noor Ali", email: "noor@example.com", supervisor: "rosa" }];
    const summary = await t.directory.importText(fileOf(people));
    expect(describeImport(summary)).toBe(
      "imported 15 people (1 new, 0 updated, 0 deactivated); 1 person who had enrolled through Slack or Teams merged into their entries",
    );
    // The Slack id learnt at enrolment moves to the file's person; references to the old id follow.
    const noor = await t.directory.resolve("slack", "U0NOOR");
    expect(noor).toMatchObject({ id: "noor", supervisorId: "rosa", slackId: "U0NOOR", email: "noor@example.com" });
    expect(await t.directory.get(oldId)).toEqual(noor);
    expect((await t.directory.chainAbove(oldId)).map((p) => p.id)).toEqual(["rosa", "marcus", "omar"]);
    expect(await t.directory.importText(fileOf(people))).toMatchObject({ created: 0, updated: 0, merged: 0 });
  });

  it("keeps a platform id learnt at runtime when the file leaves it out", async () => {
    const people = examplePeople();
    delete people.find((p) => p.id === "kim")!.teams;
    await t.directory.importText(fileOf(people));
    await t.directory.resolveOrEnrol("teams", "AAAAAAAA-0000-0000-0000-000000000001", slackLookup("Kim", "kim@example.com"));
    expect(await t.directory.importText(fileOf(people))).toMatchObject({ updated: 0 });
    expect((await t.directory.resolve("teams", "aaaaaaaa-0000-0000-0000-000000000001"))?.id).toBe("kim");
  });

  it("moves emails and Slack ids between people in one import (a swap)", async () => {
    await t.directory.importText(exampleText());
    const people = examplePeople();
    const kim = people.find((p) => p.id === "kim")!;
    const alex = people.find((p) => p.id === "alex")!;
    [kim.email, alex.email] = [alex.email, kim.email];
    [kim.slack, alex.slack] = [alex.slack, kim.slack];
    expect(await t.directory.importText(fileOf(people))).toMatchObject({ updated: 2 });
    expect(await t.directory.get("kim")).toMatchObject({ email: "alex@example.com", slackId: "U0ALEX" });
    expect((await t.directory.resolve("slack", "U0KIM"))?.id).toBe("alex");
  });

  it("gives a departed person's email to a new person without losing the departed one", async () => {
    await t.directory.importText(exampleText());
    const people = examplePeople().filter((p) => p.id !== "jamie");
    people.push({ id: "jamie.b", name: "Jamie Bell", email: "jamie@example.com", supervisor: "rosa" });
    expect(await t.directory.importText(fileOf(people))).toMatchObject({ created: 1, deactivated: 1 });
    expect((await t.directory.get("jamie"))?.name).toBe("Jamie Brooks");
    expect((await t.db.prisma.person.findUnique({ where: { email: "jamie@example.com" } }))?.id).toBe("jamie.b");
  });

  it("changes nothing when the file is invalid", async () => {
    await t.directory.importText(exampleText());
    const before = await snapshot(t.db);
    const people = examplePeople().filter((p) => p.id !== "helen");
    people.find((p) => p.id === "kim")!.name = "Someone Else";
    people.find((p) => p.id === "alex")!.supervisor = "nobody";
    await expect(t.directory.importText(fileOf(people), "bad.yaml")).rejects.toThrow(DirectoryFileError);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("rolls back every write when the store fails part-way through an import", async () => {
    await t.directory.importText(exampleText());
    const before = await snapshot(t.db);
    const people = examplePeople().filter((p) => p.id !== "helen");
    for (const p of people) p.name = `${String(p.name)} Jr.`;
    let writes = 0;
    const failing: DirectoryRepository = {
      ...t.repo,
      exclusive: (work) =>
        t.repo.exclusive((tx) => {
          const fail = async () => {
            if (++writes === 5) throw new Error("disk full");
          };
          const wrapped: DirectoryWriter = {
            ...tx,
            insert: async (p) => (await fail(), tx.insert(p)),
            update: async (id, c) => (await fail(), tx.update(id, c)),
          };
          return work(wrapped);
        }),
    };
    await expect(importDirectoryText(failing, fileOf(people), "people.yaml")).rejects.toThrow("disk full");
    expect(writes).toBe(5);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
