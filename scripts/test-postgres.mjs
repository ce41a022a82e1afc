// Runs the `postgres` project (vitest.config.ts: the store, races and replicas) against a real
// PostgreSQL (CI has one at 127.0.0.1:5432). Each test opens its own fresh schema there, so
// concurrent runs never collide. Everything else differs from PGlite in nothing PostgreSQL decides.
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const result = spawnSync("npx", ["--no-install", "vitest", "run", "--project", "postgres", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
