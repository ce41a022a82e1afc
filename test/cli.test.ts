// The `conduct` conventions, through the real bin as a user runs it: every command answers --help
// without side effects (exit 0), bad usage exits 2, and each configuration mistake is one plain
// line naming the variable (exit 1), for the CLI and for the server.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands.ts";
import { CONDUCT, ROOT, run, type Run } from "./support/cli.ts";

/** A TypeScript file runs through tsx, as `npm run dev` does. */
const runFile = (file: string, args: string[], env?: Record<string, string>) =>
  run([process.execPath, ...(file.endsWith(".ts") ? ["--import", "tsx"] : []), file, ...args], env);

/** The bin a user runs (`npx conduct`: tsx in a checkout), for the top-level help. */
const bin = (args: string[], env?: Record<string, string>) => runFile(join(ROOT, "bin/conduct.mjs"), args, env);
/** Each command's conventions, through the compiled CLI and bot (quicker to start than tsx). */
const conduct = (args: string[], env?: Record<string, string>) => runFile(CONDUCT[1]!, args, env);
const server = (env: Record<string, string>) => runFile(join(ROOT, "dist/main.js"), [], { PORT: "0", ...env });

/** One bad use per command: exit 2 with the command's usage. */
const BAD_USAGE: Record<string, string[]> = {
  ask: ["--yaml", "x"],
  chat: ["extra"],
  eval: [],
  directory: ["export"],
  export: ["people"],
  keys: ["spin"],
  audit: ["fix"],
  migrate: ["now"],
  outbox: ["resend"],
  receipt: ["verify"],
  rules: ["draft"],
};

describe("conduct: help and exit codes", { timeout: 240_000 }, () => {
  it("conduct --help lists every command and exits 0; no command at all is bad usage", async () => {
    const [help, none, unknown] = await Promise.all([bin(["--help"]), bin([]), bin(["frobnicate"])]);
    expect(help.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage: conduct <command>");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no command "frobnicate"');
  });

  it("every command's --help prints its usage, exits 0 and touches nothing", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "conduct-help-")), "data");
    const names = Object.keys(COMMANDS);
    const runs = await Promise.all(names.map((name) => conduct([name, "--help"], { DATA_DIR: dataDir })));
    for (const [i, name] of names.entries()) {
      expect(runs[i]!.code, `${name}: ${runs[i]!.stderr}`).toBe(0);
      expect(runs[i]!.stdout).toContain(`usage: conduct ${name}`);
    }
    expect((await conduct(["export", "cases", "-h"], { DATA_DIR: dataDir })).code).toBe(0);
    expect(existsSync(dataDir)).toBe(false); // `migrate --help` did not migrate
  });

  it("bad usage of every command exits 2 with its usage", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "conduct-usage-")), "data");
    expect(Object.keys(BAD_USAGE).sort()).toEqual(Object.keys(COMMANDS).sort());
    const names = Object.keys(BAD_USAGE);
    const runs = await Promise.all(names.map((name) => conduct([name, ...BAD_USAGE[name]!], { DATA_DIR: dataDir })));
    for (const [i, name] of names.entries()) {
      expect(runs[i]!.code, `${name}: ${runs[i]!.stderr}`).toBe(2);
      expect(runs[i]!.stderr).toContain(`usage: conduct ${name}`);
    }
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("configuration errors: one plain line naming the variable", { timeout: 240_000 }, () => {
  const plain = (r: Run) => {
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m); // no stack trace
    expect(r.stderr).not.toMatch(/^\{"level"/m); // no JSON log line
  };

  it("LOG_LEVEL=loud", async () => {
    const [cli, bot] = await Promise.all([conduct(["ask", "Can I keep a gift?"], { LOG_LEVEL: "loud" }), server({ LOG_LEVEL: "loud" })]);
    for (const r of [cli, bot]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent");
      plain(r);
    }
  });

  it("PORT=abc says what a port is, not 'received nan'", async () => {
    const [cli, bot] = await Promise.all([conduct(["migrate"], { PORT: "abc", DATA_DIR: "/nonexistent/x" }), server({ PORT: "abc" })]);
    for (const r of [cli, bot]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("PORT: must be a port number from 0 to 65535");
      expect(r.stderr).not.toContain("nan");
      plain(r);
    }
  });

  it("a missing DIRECTORY_FILE names the variable and the file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-dir-"));
    const env = { DIRECTORY_FILE: "people/nobody.yaml", DATA_DIR: dataDir };
    const [bot, chat] = await Promise.all([server(env), conduct(["chat"], env)]);
    for (const r of [bot, chat]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("DIRECTORY_FILE: cannot read people/nobody.yaml (no such file)");
      plain(r);
    }
    expect(readdirSync(dataDir)).toEqual([]); // refused before opening the database
  });

  it("bad POLICY_FILE / POLICY_RULES_FILE for conduct ask and the server: missing, not valid YAML", async () => {
    const [missingRules, missingCode, badRules, bot] = await Promise.all([
      conduct(["ask", "Can I keep a gift?"], { POLICY_RULES_FILE: "policies/none.rules.yaml" }),
      conduct(["ask", "Can I keep a gift?"], { POLICY_FILE: "policies/none.txt" }),
      conduct(["ask", "Can I keep a gift?"], { POLICY_RULES_FILE: "test/fixtures/acme-rules.yaml" }),
      server({ POLICY_RULES_FILE: "policies/none.rules.yaml" }),
    ]);
    for (const r of [missingRules, missingCode, badRules, bot]) {
      expect(r.code).toBe(1);
      plain(r);
    }
    expect(missingRules.stderr).toContain("POLICY_RULES_FILE: cannot read policies/none.rules.yaml (no such file)");
    expect(missingRules.stderr).not.toContain("YAML");
    expect(missingCode.stderr).toContain("POLICY_FILE: cannot read policies/none.txt (no such file)");
    expect(badRules.stderr).toContain("test/fixtures/acme-rules.yaml: invalid rules file");
    expect(bot.stderr).toContain("POLICY_RULES_FILE: cannot read policies/none.rules.yaml (no such file)");
  });
});

describe("output piped into a reader that stops early", () => {
  it("ends quietly with the command's exit code, as `npx conduct eval … | head -1` does", async () => {
    // `true` exits without reading, so the lines the command writes meet a closed pipe.
    const piped = await run(["bash", "-c", `set -o pipefail; "${process.execPath}" bin/conduct.mjs eval test/advice/heldout-questions.jsonl | true; echo "exit $?"`]);
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(piped.stdout).toBe("exit 0\n");
  });
});
