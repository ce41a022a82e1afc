// The embedded database's files belong to the bot's user only, whatever the umask it starts under:
// `conduct migrate` runs as a child process under umask 000, as a careless service unit would.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONDUCT } from "../support/cli.ts";

const root = new URL("../..", import.meta.url).pathname;

function underLooseUmask(args: string[], env: Record<string, string>) {
  const child = spawn("sh", ["-c", 'umask 000 && exec "$@"', "sh", ...CONDUCT, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise<{ code: number | null; output: string }>((done) => child.on("close", (code) => done({ code, output })));
}

/** Every path under `dir` (and `dir` itself) with a group or other permission bit set. */
function notPrivate(dir: string): string[] {
  const paths = [dir, ...readdirSync(dir, { recursive: true, encoding: "utf8" }).map((p) => join(dir, p))];
  return paths.filter((p) => (statSync(p).mode & 0o077) !== 0).map((p) => `${(statSync(p).mode & 0o777).toString(8)} ${p}`);
}

describe("DATA_DIR permissions", { timeout: 120_000 }, () => {
  it("creates DATA_DIR 0700 and every file in it 0600 under umask 000", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "conduct-perm-")), "data");
    const result = await underLooseUmask(["migrate"], { DATA_DIR: dataDir });
    expect(result.code, result.output).toBe(0);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dataDir)).toContain("postgresql.conf");
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it("makes an existing world-readable DATA_DIR private again", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-perm-"));
    expect((await underLooseUmask(["migrate"], { DATA_DIR: dataDir })).code).toBe(0);
    // As an older version left it: the directory 0755, PGlite's files 0666.
    chmodSync(dataDir, 0o755);
    for (const p of readdirSync(dataDir, { recursive: true, encoding: "utf8" })) {
      const path = join(dataDir, p);
      chmodSync(path, statSync(path).isDirectory() ? 0o777 : 0o666);
    }
    writeFileSync(join(dataDir, "stray.txt"), "x", { mode: 0o666 });
    chmodSync(join(dataDir, "stray.txt"), 0o666);
    expect(notPrivate(dataDir).length).toBeGreaterThan(100);

    const result = await underLooseUmask(["migrate"], { DATA_DIR: dataDir });
    expect(result.code, result.output).toBe(0);
    expect(notPrivate(dataDir)).toEqual([]);
  });
});
