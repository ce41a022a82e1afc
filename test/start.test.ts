// Drives `npm start`'s entry point as a user would: a real child process, real files, real HTTP.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.ts";
import { freePort } from "./support/freePort.ts";
import { TEST_DATABASE_URL } from "./support/db.ts";

const root = new URL("..", import.meta.url).pathname;

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const listening = async (timeoutMs = 60_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /"port":(\d+)/.exec(output);
      if (match) return Number(match[1]);
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not listening:\n${output}`);
  };
  return { child, exited, listening, output: () => output };
}

describe("npm start", () => {
  it("runs on the embedded database in DATA_DIR, serves /healthz and stops on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-data-"));
    const bot = start({ PORT: "0", DATA_DIR: dataDir });
    const port = await bot.listening();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());
    expect(health).toEqual({ status: "ok", db: "pglite" });
    expect(bot.output()).toContain("Slack: off");
    expect(bot.output()).toContain("Teams: off – POST /api/messages is not mounted");
    expect(bot.output()).not.toContain("Emulator");
    expect(bot.output()).toContain("The directory is empty");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("shutting down");
  });

  it.skipIf(!TEST_DATABASE_URL)("runs on PostgreSQL when DATABASE_URL is set", async () => {
    const url = new URL(TEST_DATABASE_URL!);
    const schema = `start_${Date.now().toString(36)}`;
    url.searchParams.set("schema", schema);
    const bot = start({ PORT: "0", DATABASE_URL: url.toString() });
    const port = await bot.listening();
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).toEqual({ status: "ok", db: "postgres" });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  });

  it("fails at startup with one clear line per configuration problem", async () => {
    const bot = start({ PORT: "http", DATABASE_URL: "mysql://nope" });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("Invalid configuration:\n  PORT: must be a port number from 0 to 65535");
    expect(bot.output()).toContain("  DATABASE_URL: must start with postgres:// or postgresql://");
  });

  it("fails at startup naming the bad rules file entry", async () => {
    const bot = start({ PORT: "0", POLICY_RULES_FILE: "test/fixtures/acme-rules.yaml" });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/test\/fixtures\/acme-rules\.yaml: invalid rules file\n {2}topics\[0\] \(declare_gifts\): clause "2\(a\)" is not in the Code/);
  });
});

describe("npm start as an operator runs it", () => {
  it("stops cleanly when SIGTERM is sent to npm: the bot shuts down, nothing keeps running", async () => {
    ensureBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-data-"));
    const port = await freePort();
    // --ignore-scripts: the prestart build ran above (ensureBuilt), the start script is the documented one.
    const npm = spawn("npm", ["start", "--ignore-scripts"], { cwd: root, env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    npm.stdout.on("data", (d) => (output += d));
    npm.stderr.on("data", (d) => (output += d));
    // npm ends with the bot's exit code, or by re-raising the SIGTERM it forwarded: either way it ends.
    const exited = new Promise<number | NodeJS.Signals | null>((done) => npm.on("exit", (code, signal) => done(code ?? signal)));
    const deadline = Date.now() + 120_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`not healthy:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const tree = descendants(npm.pid!);
    expect(tree.length).toBeGreaterThan(0); // the bot runs under npm
    npm.kill("SIGTERM");
    expect(await exited).not.toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(output).toContain("shutting down");
    expect(tree.filter(isRunning)).toEqual([]);
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then(() => "answered", () => "refused")).toBe("refused");
  }, 300_000);
});

/** Every process below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  for (const queue = [...(children.get(pid) ?? [])]; queue.length; ) {
    const next = queue.pop()!;
    found.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

function isRunning(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return false;
  }
}
