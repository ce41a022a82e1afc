// One process at a time on the embedded database: the bot and `conduct …` as compiled (what `npm start` runs)
// entry points on one DATA_DIR, as a newcomer runs them in two terminals.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK_FILE_NAME } from "../../src/store/dataDirLock.ts";
import { TEST_REPORTS_KEY } from "../support/app.ts";

const ROOT = resolve(import.meta.dirname, "../..");

function run(command: string[], env: Record<string, string>, input?: string[]) {
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: [input ? "pipe" : "ignore", "pipe", "pipe"],
  });
  if (input) child.stdin!.end(input.map((line) => `${line}\n`).join(""));
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

describe("one process per DATA_DIR", { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "conduct-owner-"));
  const env = { DATA_DIR: dataDir, DIRECTORY_FILE: "directory.example.yaml", REPORTS_ENCRYPTION_KEY: TEST_REPORTS_KEY, LOG_LEVEL: "warn" };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const conduct = async (args: string[], input?: string[]) => {
    const p = run([resolve(ROOT, "dist/cli.js"), ...args], env, input);
    const code = await p.exited;
    return { code, stdout: p.stdout(), stderr: p.stderr() };
  };
  const report = ["/as jamie", "/report", "Someone takes fuel from the company van.", "", "Depot 3", "", "5", "", "anonymous", "yes", "/quit"];

  it("refuses the CLI while the bot runs, loses nothing, and clears the lock a killed bot left", async () => {
    expect((await conduct(["chat"], report)).stdout).toContain("Report filed: C-2026-0001 (anonymous).");

    const bot = run([resolve(ROOT, "dist/main.js")], { ...env, PORT: "0", LOG_LEVEL: "info" });
    let port = 0;
    for (const deadline = Date.now() + 120_000; !port && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      port = Number(/"port":(\d+)/.exec(bot.stdout())?.[1] ?? 0);
      if (bot.child.exitCode !== null) throw new Error(bot.stdout() + bot.stderr());
    }
    expect(port).toBeGreaterThan(0);
    // At start (and daily): the signed head, at info level, for whoever keeps the logs elsewhere.
    expect(bot.stdout()).toMatch(/"level":30,[^\n]*"auditHead":"\d+:[0-9a-f]{8}:[0-9a-f]{64}"/);
    const inUse = `DATA_DIR ${dataDir} is in use by the bot (npm start) (pid ${bot.child.pid}, since `;

    // The chat a newcomer opens beside the bot, and an operator's command: refused before touching the files.
    const chat = await conduct(["chat"], report);
    expect(chat.code).toBe(1);
    expect(chat.stderr).toContain(inUse);
    expect(chat.stderr).toContain("stop it first, or use PostgreSQL (DATABASE_URL) to run several processes at once");
    expect(chat.stderr.trim().split("\n")).toHaveLength(1);
    expect(chat.stdout).not.toContain("Report filed");
    const verify = await conduct(["audit", "verify"]);
    expect(verify.code).toBe(1);
    expect(verify.stderr.trim()).toMatch(new RegExp(`^${inUse.replace(/[().]/g, "\\$&")}`));
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).toEqual({ status: "ok", db: "pglite" });

    // Killed outright: no chance to remove its lock.
    bot.child.kill("SIGKILL");
    await bot.exited;
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), "utf8")).pid).toBe(bot.child.pid);

    const after = await conduct(["chat"], ["/as priya", "/open C-2026-0001", "/quit"]);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain("What happened: Someone takes fuel from the company van.");
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false); // released on exit
    const verified = await conduct(["audit", "verify"]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
