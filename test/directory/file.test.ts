import { describe, expect, it } from "vitest";
import { DirectoryFileError, parseDirectoryFile } from "../../src/core/directory/file.ts";
import { examplePeople, exampleText, fileOf } from "./support.ts";

/** The problems a file has, or a failure if it has none. */
function problemsOf(text: string): string[] {
  try {
    parseDirectoryFile(text, "people.yaml");
  } catch (error) {
    if (error instanceof DirectoryFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the file to be rejected");
}

const three = `people:
  - id: omar
    name: Omar Haddad
    email: omar@example.com
    roles: [president]
  - id: dana
    name: Dana Reyes
    email: dana@example.com
    supervisor: omar
  - id: kim
    name: Kim Nguyen
    email: kim@example.com
    supervisor: dana
`;

describe("directory file", () => {
  it("reads the example company: everyone, with supervisors, roles and platform ids", () => {
    const people = parseDirectoryFile(exampleText(), "directory.example.yaml");
    expect(people).toHaveLength(14);
    expect(people.find((p) => p.id === "dana")).toEqual({
      id: "dana",
      name: "Dana Reyes",
      email: "dana@example.com",
      slack: "U0DANA",
      teams: "00000000-0000-0000-0000-00000000000d",
      supervisor: "omar",
      roles: ["executive_officer", "officer"],
    });
    const holders = (role: string) => people.filter((p) => (p.roles as string[]).includes(role)).map((p) => p.id);
    expect(holders("president")).toEqual(["omar"]);
    expect(holders("executive_officer")).toHaveLength(2);
    expect(holders("director")).toHaveLength(3);
    expect(holders("audit_committee")).toHaveLength(2);
    expect(holders("audit_committee").every((id) => holders("director").includes(id))).toBe(true);
    expect(holders("attorney")).toHaveLength(1);
    expect(holders("ethics_officer")).toHaveLength(1);
    expect(people.every((p) => p.slack?.startsWith("U0") && p.teams)).toBe(true);
  });

  it("normalises emails and Teams ids, and accepts a single role or empty optional fields", () => {
    const [person] = parseDirectoryFile(
      `people:\n  - id: lee\n    name: " Lee Jordan "\n    email: Lee.Jordan@Example.COM\n    teams: 0000ABCD-0000-0000-0000-00000000000F\n    slack:\n    roles: director\n`,
    );
    expect(person).toEqual({
      id: "lee",
      name: "Lee Jordan",
      email: "lee.jordan@example.com",
      slack: null,
      teams: "0000abcd-0000-0000-0000-00000000000f",
      supervisor: null,
      roles: ["director"],
    });
  });

  it("names the person and line of a supervisor who is not in the file", () => {
    expect(problemsOf(three.replace("supervisor: dana", "supervisor: dan"))).toEqual([
      'people.yaml:13: person "kim": supervisor "dan" is not in the file',
    ]);
  });

  it("names a supervisor cycle once, at the first person in it", () => {
    const cyclic = three.replace("    roles: [president]\n", "    supervisor: kim\n");
    expect(problemsOf(cyclic)).toEqual(['people.yaml:5: person "omar": supervisor cycle: omar → kim → dana → omar']);
    expect(problemsOf(three.replace("supervisor: omar", "supervisor: dana"))).toEqual([
      'people.yaml:9: person "dana": supervisor cycle: dana → dana',
    ]);
  });

  it("names an unknown role and lists the known ones", () => {
    expect(problemsOf(three.replace("roles: [president]", "roles: [president, ceo]"))).toEqual([
      'people.yaml:5: person "omar": unknown role "ceo" (roles are: president, executive_officer, officer, director, audit_committee, attorney, ethics_officer)',
    ]);
  });

  it("names both people when an email is used twice, whatever its case", () => {
    expect(problemsOf(three.replace("kim@example.com", "DANA@example.com"))).toEqual([
      'people.yaml:12: person "kim": email dana@example.com is already used by person "dana" (line 6)',
    ]);
  });

  it("names both people when a Slack or Teams id is used twice", () => {
    const people = examplePeople();
    people[11]!.slack = people[10]!.slack;
    people[13]!.teams = String(people[1]!.teams).toUpperCase();
    const problems = problemsOf(fileOf(people));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^people\.yaml:\d+: person "alex": Slack id U0KIM is already used by person "kim" \(line \d+\)$/);
    expect(problems[1]).toMatch(
      /^people\.yaml:\d+: person "taylor": Teams id 00000000-0000-0000-0000-00000000000d is already used by person "dana" \(line \d+\)$/,
    );
  });

  it("names a repeated id", () => {
    expect(problemsOf(`${three}  - id: dana\n    name: Dana Two\n    email: dana2@example.com\n`)).toEqual([
      'people.yaml:14: person "dana": id "dana" is already used (line 6)',
    ]);
  });

  it("names missing, malformed and unknown fields by person and line", () => {
    const bad = `people:
  - id: omar
    email: omar@example
    slack: omar
    colour: blue
  - name: No Id
    email: noid@example.com
`;
    expect(problemsOf(bad)).toEqual([
      'people.yaml:2: person "omar": name is required',
      'people.yaml:3: person "omar": email "omar@example" must be an email address',
      'people.yaml:4: person "omar": slack "omar" must be a Slack user id like U0123ABCD',
      'people.yaml:5: person "omar": unknown field "colour" (fields are: id, name, email, slack, teams, supervisor, roles)',
      "people.yaml:6: person #2: id is required",
    ]);
  });

  it("reports every problem at once, including cross-checks of people with other errors", () => {
    const problems = problemsOf(three.replace("roles: [president]", "roles: [ceo]").replace("supervisor: dana", "supervisor: nobody"));
    expect(problems).toEqual([
      expect.stringContaining('people.yaml:5: person "omar": unknown role "ceo"'),
      'people.yaml:13: person "kim": supervisor "nobody" is not in the file',
    ]);
  });

  it("gives the line of a YAML syntax error, and rejects a file without people", () => {
    expect(problemsOf(`people:\n  - id: omar\n    roles: [president\n`)).toEqual([expect.stringMatching(/^people\.yaml:4: /)]);
    expect(problemsOf("")).toEqual(["people.yaml: people is required"]);
    expect(problemsOf("people: []\n")).toEqual(["people.yaml:1: people must list at least one person"]);
    expect(problemsOf("staff: []\n")).toEqual(["people.yaml:1: people is required", 'people.yaml:1: unknown field "staff"']);
  });
});
