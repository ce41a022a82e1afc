import { availableParallelism } from "node:os";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

// The suite in projects, each a folder of tests that need the same things. `npm test` runs every
// project but `slow`; `npm run test:slow` runs that one; `npm run test:postgres` runs `postgres`, a
// project only while TEST_DATABASE_URL is set, so that a plain run never takes a file twice.
// Files of a project share one module graph per worker (isolate: false): the migrated template
// database, the imported frameworks and the parsed Code are built once per worker, not once per file.
const groups = {
  // Parsing the Code, the Ask matcher and its figures, config: no HTTP.
  unit: ["test/policy/**", "test/advice/**", "test/architecture/**", "test/config.test.ts"],
  // The store on its own: migrations, schema drift, outbox, jobs, audit chain, the database thread.
  store: ["test/store/**", "test/db.test.ts", "test/migrate.test.ts", "test/schema-drift.test.ts", "test/worker.test.ts", "test/reliability/databaseThread.test.ts"],
  // Cases, approvals and the directory through their services and the CLI.
  core: ["test/cases/**", "test/approvals/**", "test/directory/**"],
  // Slack, Teams and the terminal chat through their real entry points.
  surfaces: ["test/slack/**", "test/teams/**", "test/console/**", "test/app.test.ts", "test/start.test.ts"],
  // One story, every surface.
  contract: ["test/contract/**"],
  // Minutes each: 10,000 malformed requests; a bot process killed with SIGKILL and restarted.
  slow: ["test/reliability/fuzz.test.ts", "test/reliability/crash.test.ts"],
};

// What differs between PGlite and a real PostgreSQL server: SQL the store sends, concurrent
// connections (races, locks), a second replica. The rest runs on PGlite only.
const postgres = [
  ...groups.store,
  "test/approvals/exactlyOnce.test.ts",
  "test/approvals/timers.test.ts",
  "test/slack/events.test.ts",
  "test/teams/storage.test.ts",
  "test/app.test.ts",
  "test/start.test.ts",
  "test/cases/cli.test.ts",
  // Minutes: two bot processes on one database, one killed mid-run (needs PostgreSQL, so only here).
  "test/reliability/replicas.test.ts",
];

const all = [...Object.values(groups).flat(), "test/reliability/replicas.test.ts"];
const project = (name: string, include: string[], exclude: string[] = []): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include: include.map((g) => (g.endsWith("**") ? `${g}/*.test.ts` : g)), exclude },
});

export default defineConfig({
  test: {
    globalSetup: ["test/support/buildOnce.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    isolate: false,
    // Most of a test's time is spent waiting (child processes, HTTP, the database's thread), so more
    // workers than cores finish sooner; vitest's default would be one worker on a 2-core machine.
    maxWorkers: Number(process.env.TEST_WORKERS) || availableParallelism() + 1,
    projects: [
      ...Object.entries(groups).map(([name, include]) => project(name, include)),
      // A test file in a folder no group names still runs, in `other`.
      project("other", ["test/**/*.test.ts"], all.map((g) => (g.endsWith("**") ? `${g}/*.test.ts` : g))),
      ...(process.env.TEST_DATABASE_URL ? [project("postgres", postgres)] : []),
    ],
  },
});
