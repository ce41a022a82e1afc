import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../..", import.meta.url).pathname;

function newestIn(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestIn(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
}

/** Runs `npm run build` when dist/ is missing or older than src/, as `npm start`'s prestart does; returns ROOT. */
export function ensureBuilt(): string {
  // The build info is written by every build that compiled something.
  const info = join(ROOT, "dist/.tsbuildinfo");
  if (existsSync(join(ROOT, "dist/main.js")) && existsSync(info) && statSync(info).mtimeMs >= newestIn(join(ROOT, "src"))) return ROOT;
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  return ROOT;
}
