import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { parse, stringify } from "yaml";
import { manualClock } from "../../src/core/clock.ts";
import { composeCases } from "../../src/compose.ts";
import { createCaseService, type CaseService } from "../../src/core/cases/index.ts";
import { createKeyring, type Keyring } from "../../src/core/crypto/keyring.ts";
import { createDirectoryService, type DirectoryService } from "../../src/core/directory/service.ts";
import type { CaseStore } from "../../src/core/cases/store.ts";
import { createLogger } from "../../src/log.ts";
import type { Database } from "../../src/store/db.ts";
import { createDirectoryRepository } from "../../src/store/directoryRepo.ts";
import { runDueJobs } from "../../src/store/jobs.ts";
import { freshDatabase } from "../support/db.ts";
import { memoryCaseStore, type MemoryCaseStore } from "../support/memory/caseStore.ts";
import { memoryDirectory } from "../support/memory/directory.ts";

export const KEY_A = Buffer.alloc(32, 0xa1).toString("base64");
export const KEY_B = Buffer.alloc(32, 0xb2).toString("base64");

export const EXAMPLE_DIRECTORY = new URL("../../directory.example.yaml", import.meta.url);
export type RawPerson = Record<string, unknown>;
export const examplePeople = (): RawPerson[] => (parse(readFileSync(EXAMPLE_DIRECTORY, "utf8")) as { people: RawPerson[] }).people;

/** The example company (directory.example.yaml) in a fresh database. */
export async function exampleDirectory(db: Database, people = examplePeople()): Promise<DirectoryService> {
  const directory = createDirectoryService(createDirectoryRepository(db.prisma));
  await directory.importText(stringify({ people }), "directory.example.yaml");
  return directory;
}

/** The cases core and what a test needs around it, over the database or in memory. */
interface World {
  /** The ports the core runs on. */
  store: CaseStore;
  directory: DirectoryService;
  clock: ReturnType<typeof manualClock>;
  keyring: Keyring;
  cases: CaseService;
  /** Every log line written, to check that no content or identity is logged. */
  logs: string[];
  runJobs(): Promise<number>;
  /** Moves the clock by days and runs whatever fell due. */
  advanceDays(days: number): Promise<number>;
  /** The outbox as the worker delivers it: a sealed recipient (a reporter notice) opened with the keys. */
  outbox(): Promise<Array<{ id: string; recipientId: string; kind: string; payload: Record<string, unknown> }>>;
  close(): Promise<void>;
}

export interface CaseWorld extends World {
  db: Database;
}

/** The cases core on its in-memory ports (test/support/memory): no database, for the core's own rules. */
export interface MemoryCaseWorld extends World {
  store: MemoryCaseStore;
}

type WorldOptions = { people?: RawPerson[]; retentionDays?: number; keyring?: Keyring; start?: string };

/** The example company and the cases core over a fresh database (for what the store itself must do). */
export async function caseWorld(options: WorldOptions = {}): Promise<CaseWorld> {
  const db = await freshDatabase();
  const directory = await exampleDirectory(db, options.people);
  const world = worldOver(options, directory, (deps) => {
    const { service, store, jobHandlers } = composeCases(db.prisma, deps);
    const runJobs = () => runDueJobs(db.prisma, jobHandlers, { clock: deps.clock, batchSize: 100 });
    const outboxRows = async () =>
      (await db.prisma.outboxMessage.findMany({ orderBy: [{ createdAt: "asc" }] })).map((r) => ({ ...r, payload: r.payload as Record<string, unknown> }));
    return { service, store, runJobs, outboxRows, close: () => db.close() };
  });
  return { ...world, db };
}

/** The example company (directory.example.yaml) in an in-memory directory. */
export async function memoryExampleDirectory(people = examplePeople(), repo = memoryDirectory()): Promise<DirectoryService> {
  const directory = createDirectoryService(repo);
  await directory.importText(stringify({ people }), "directory.example.yaml");
  return directory;
}

/** The example company and the cases core in memory. */
export async function memoryCaseWorld(options: WorldOptions = {}): Promise<MemoryCaseWorld> {
  const repo = memoryDirectory();
  const directory = await memoryExampleDirectory(options.people, repo);
  const store = memoryCaseStore(repo);
  const world = worldOver(options, directory, (deps) => {
    const service = createCaseService({ ...deps, store });
    return { service, store, runJobs: () => store.runDueJobs(service.jobHandlers, deps.clock), outboxRows: async () => store.tables.outbox, close: async () => {} };
  });
  return { ...world, store };
}

type OutboxRows = () => Promise<Array<{ id: string; recipientId: string; kind: string; payload: Record<string, unknown>; createdAt: Date }>>;

function worldOver(
  options: WorldOptions,
  directory: DirectoryService,
  build: (deps: Omit<Parameters<typeof createCaseService>[0], "store">) => { service: CaseService; store: CaseStore; runJobs(): Promise<number>; outboxRows: OutboxRows; close(): Promise<void> },
): World {
  const clock = manualClock(options.start ?? "2026-03-02T09:00:00Z");
  const keyring = options.keyring ?? createKeyring(KEY_A);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const { service: cases, store, runJobs: runOnce, outboxRows, close } = build({
    directory,
    clock,
    keyring,
    logger: createLogger("debug", sink),
    retentionDays: options.retentionDays ?? 1095,
  });
  const runJobs = async () => {
    let total = 0;
    for (let ran = -1; ran !== 0; total += ran) ran = await runOnce();
    return total;
  };
  return {
    store,
    directory,
    clock,
    keyring,
    cases,
    logs,
    runJobs,
    async advanceDays(days) {
      clock.advance(days * 24 * 60 * 60 * 1000);
      return runJobs();
    },
    async outbox() {
      // Same-time rows in a fixed order (the manual clock gives many rows one timestamp).
      const rows = await outboxRows();
      const opened = rows.map((r) => ({ id: r.id, recipientId: cases.reporterNoticeRecipient(r) ?? r.recipientId, kind: r.kind, payload: r.payload, at: r.createdAt.getTime() }));
      opened.sort((a, b) => a.at - b.at || a.recipientId.localeCompare(b.recipientId) || a.kind.localeCompare(b.kind));
      return opened.map(({ at: _at, ...m }) => m);
    },
    close,
  };
}

/** A report that passes validation; override what a test cares about. */
export function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    what: "The Q3 vendor invoices were booked twice to hit the target. SECRET-WHAT-7731",
    when: "Last week of September SECRET-WHEN",
    where: "Finance office SECRET-WHERE",
    involved: [],
    category: "harassment_discrimination",
    mode: "confidential",
    ...overrides,
  };
}

/** Files a report and fails the test if it was rejected. */
export async function file(world: World, reporterId: string, overrides: Record<string, unknown> = {}) {
  const result = await world.cases.fileReport(reporterId, report(overrides));
  if (!result.ok) throw new Error(`report rejected: ${JSON.stringify(result.fieldErrors)} ${result.formError ?? ""}`);
  return result;
}

/** Builds the migrated template database once per file, in a hook (60 s) rather than in the first test's 30 s. */
export async function warmDatabase(): Promise<void> {
  await (await freshDatabase()).close();
}
