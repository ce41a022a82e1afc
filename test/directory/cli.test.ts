// Drives `conduct directory import` as an operator would: a child process, real files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conduct } from "../support/cli.ts";

// Each run starts the compiled CLI and (for an import) the embedded database: slow on a busy machine.
describe("conduct directory import", { timeout: 180_000 }, () => {
  it("imports the example file, then again with nothing new, printing a summary and exiting 0", async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "conduct-dir-")) };
    const first = await conduct(["directory", "import", "directory.example.yaml"], env);
    expect(first).toMatchObject({ code: 0, stdout: "imported 14 people (14 new, 0 updated, 0 deactivated)\n" });
    const again = await conduct(["directory", "import", "directory.example.yaml"], env);
    expect(again).toMatchObject({ code: 0, stdout: "imported 14 people (0 new, 0 updated, 0 deactivated)\n" });
  });

  it("prints every problem of a bad file, naming person and line, and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conduct-dir-"));
    const file = join(dir, "people.yaml");
    writeFileSync(
      file,
      "people:\n  - id: ana\n    name: Ana\n    email: ana@example.com\n    supervisor: bo\n    roles: [ceo]\n",
    );
    const result = await conduct(["directory", "import", file], { DATA_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${file}: invalid directory file`);
    expect(result.stderr).toContain(`${file}:5: person "ana": supervisor "bo" is not in the file`);
    expect(result.stderr).toContain(`${file}:6: person "ana": unknown role "ceo"`);
  });

  it("accepts the roles the configured rules file declares (another company's Code), and only those", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conduct-dir-"));
    const rules = join(dir, "rules.yaml");
    writeFileSync(rules, "version: 1\nroles:\n  department_head: { name: your department head }\ntopics:\n  - { id: vans, clause: \"8.3\", verdict: needs_approval, approvers: [department_head], summary: Vans need approval. }\n");
    const file = join(dir, "people.yaml");
    writeFileSync(file, "people:\n  - { id: ana, name: Ana, email: ana@example.com, roles: [department_head] }\n");
    const env = { DATA_DIR: dir, POLICY_FILE: "test/fixtures/northwind-code.txt", POLICY_RULES_FILE: rules };
    expect(await conduct(["directory", "import", file], env)).toMatchObject({ code: 0, stdout: "imported 1 person (1 new, 0 updated, 0 deactivated)\n" });
    const shipped = await conduct(["directory", "import", file], { DATA_DIR: dir });
    expect(shipped.code).toBe(1);
    expect(shipped.stderr).toContain(`${file}:2: person "ana": unknown role "department_head"`);
  });

  it("explains its usage when the arguments are wrong", async () => {
    const result = await conduct(["directory", "export"], { DATA_DIR: mkdtempSync(join(tmpdir(), "conduct-dir-")) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: conduct directory import FILE");
  });
});
