// What the Dockerfile's image does, without a Docker engine: its runtime stage's files copied to a
// temporary folder, its production-only `npm ci` run there, and its exact CMD started; the bot must
// answer /healthz and /readyz, pass the image's HEALTHCHECK command, and stop on SIGTERM.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.ts";
import { freePort } from "./support/freePort.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** The runtime (last) stage of the Dockerfile: its instructions, continuation lines joined. */
function runtimeStage(): string[] {
  const lines = readFileSync(join(ROOT, "Dockerfile"), "utf8").replace(/\\\n\s*/g, "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  return lines.slice(lines.map((l) => l.startsWith("FROM ")).lastIndexOf(true));
}

describe("the Docker image (its runtime stage, run without Docker)", () => {
  const stage = runtimeStage();
  const instruction = (name: string) => stage.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));

  it("is a small Node 20 base, runs as a non-root user and has a health check", () => {
    expect(stage[0]).toMatch(/^FROM node:20-(alpine|slim)/);
    expect(instruction("USER")).toEqual(["node"]);
    expect(instruction("HEALTHCHECK")[0]).toContain("/healthz");
  });

  it("installs production dependencies only, starts with its CMD and serves /healthz", async () => {
    ensureBuilt(); // the build stage's `npm run build`
    const app = mkdtempSync(join(tmpdir(), "conduct-image-"));
    for (const copy of instruction("COPY")) {
      const parts = copy.split(/\s+/);
      const fromBuild = parts[0]!.startsWith("--from=");
      const [dest, ...sources] = (fromBuild ? parts.slice(1) : parts).reverse();
      // The build stage works in /app: what it built is what this checkout's build produced.
      for (const source of sources.reverse().map((s) => s.replace(/^\/app\//, ""))) cpSync(join(ROOT, source), join(app, dest === "./" ? source : dest!), { recursive: true });
    }
    const install = instruction("RUN").find((r) => r.startsWith("npm ci"))!.split("&&")[0]!.trim().split(/\s+/);
    expect(install).toEqual(expect.arrayContaining(["--omit=dev"]));
    const installed = spawnSync(install[0]!, [...install.slice(1), "--prefer-offline", "--no-audit", "--no-fund"], { cwd: app, encoding: "utf8", timeout: 600_000 });
    expect(installed.status, installed.stderr).toBe(0);
    for (const dev of ["typescript", "tsx", "vitest", "prisma"]) expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);

    const env = Object.fromEntries(instruction("ENV").flatMap((e) => e.split(/\s+/)).map((kv) => kv.split("=") as [string, string]));
    const port = String(await freePort());
    const cmd = JSON.parse(instruction("CMD")[0]!) as string[];
    expect(cmd[0]).toBe("node");
    const bot = spawn(process.execPath, cmd.slice(1), { cwd: app, env: { PATH: process.env.PATH, ...env, PORT: port, DATA_DIR: join(app, "data") }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    bot.stdout.on("data", (d) => (output += d));
    bot.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((done) => bot.on("exit", (code) => done(code)));
    try {
      const deadline = Date.now() + 180_000;
      while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`not healthy:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())).toEqual({ status: "ok", db: "pglite" });
      // Ready follows healthy once start-up finishes (directory imported, surfaces started): wait for it.
      while ((await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200) {
        if (Date.now() > deadline || bot.exitCode !== null) throw new Error(`never ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      // The HEALTHCHECK's command, as Docker runs it inside the container.
      const check = instruction("HEALTHCHECK")[0]!.replace(/^.*CMD\s+/, "");
      const probe = spawnSync("sh", ["-c", check], { env: { PATH: process.env.PATH, PORT: port }, timeout: 30_000 });
      expect(probe.status).toBe(0);
    } finally {
      bot.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 900_000);
});
