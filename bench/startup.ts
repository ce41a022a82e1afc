// `npm run bench:startup`: how long the bot takes to answer /healthz 200 and how much memory it
// holds right after, started with the documented command (`node dist/main.js` after `npm run
// build`; BENCH_START="tsx" compares with running the TypeScript through tsx), on a new and then an
// existing (warm) embedded database, and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
// is set. RSS is the whole process tree's (VmRSS from /proc, Linux), 1 s after healthy.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const COMMANDS: Record<string, string[]> = {
  dist: [process.execPath, "dist/main.js"],
  tsx: [process.execPath, "--import", "tsx", "src/main.ts"],
  // BENCH_START=baseline,dist: the same measure of an earlier build, copied to BENCH_BASELINE_DIST
  // (a folder in the project, such as dist-baseline/, so it finds the same migrations and assets).
  baseline: [process.execPath, join(process.env.BENCH_BASELINE_DIST ?? "dist-baseline", "main.js")],
};

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  for (const queue = [pid]; queue.length; ) {
    const next = queue.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${next}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    queue.push(...(children.get(next) ?? []));
  }
  return kb / 1024;
}

/** Starts the bot, returns ms until /healthz says 200 and the tree's RSS 1 s later; stops it with SIGTERM. */
export async function measureStart(command: string[], env: Record<string, string>): Promise<{ healthyMs: number; rssMb: number }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  // MALLOC_ARENA_MAX and MALLOC_TRIM_THRESHOLD_ as `npm start` sets them (glibc; the image's musl has neither).
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: "warn", PORT: String(port), MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "131072", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((done) => child.once("exit", done));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      if (performance.now() - started > 120_000) throw new Error("not healthy after 120 s");
      await new Promise((r) => setTimeout(r, 25));
    }
    const healthyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    return { healthyMs, rssMb: treeRssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (runs: Array<{ healthyMs: number; rssMb: number }>) =>
  `healthy in ${(median(runs.map((r) => r.healthyMs)) / 1000).toFixed(2)} s, RSS ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB (median of ${runs.length}; ${runs.map((r) => `${(r.healthyMs / 1000).toFixed(2)} s/${r.rssMb.toFixed(0)} MB`).join(", ")})`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = (process.env.BENCH_START ?? "dist").split(",");
  if (which.includes("dist") && !existsSync(join(ROOT, "dist/main.js"))) throw new Error("run `npm run build` first (or BENCH_START=tsx)");
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  for (const name of which) {
    const command = COMMANDS[name];
    if (!command) throw new Error(`BENCH_START: ${name} is not one of ${Object.keys(COMMANDS).join(", ")}`);
    const fresh = [];
    const warm = [];
    for (let i = 0; i < RUNS; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), "conduct-startup-"));
      fresh.push(await measureStart(command, { DATA_DIR: dataDir }));
      warm.push(await measureStart(command, { DATA_DIR: dataDir }));
    }
    console.log(`${name.padEnd(8)} pglite new data dir:  ${fmt(fresh)}`);
    console.log(`${name.padEnd(8)} pglite warm data dir: ${fmt(warm)}`);
    if (pgUrl) {
      const url = new URL(pgUrl);
      url.searchParams.set("schema", `startup_${Date.now().toString(36)}`);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureStart(command, { DATABASE_URL: url.toString() }));
      console.log(`${name.padEnd(8)} postgres:             ${fmt(runs)}`);
    }
  }
}
