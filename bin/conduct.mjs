#!/usr/bin/env node
// `npx conduct …`: in a checkout, runs src/cli.ts through tsx (no build step, never a stale
// build); where tsx is not installed (a production install, the container image), dist/cli.js.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let tsx;
try {
  tsx = createRequire(import.meta.url).resolve("tsx/cli");
} catch {
  tsx = undefined; // production dependencies only
}
const args = tsx && existsSync(join(root, "src/cli.ts")) ? [tsx, join(root, "src/cli.ts")] : [join(root, "dist/cli.js")];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
