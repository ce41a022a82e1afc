import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { parse, stringify } from "yaml";
import { manualClock } from "../../src/core/clock.ts";
import { composeCases } from "../../src/compose.ts";
import type { CaseService } from "../../src/core/cases/index.ts";
import { createKeyring, type Keyring } from "../../src/core/crypto/keyring.ts";
import { createDirectoryService, type DirectoryService } from "../../src/core/directory/service.ts";
import { createLogger } from "../../src/log.ts";
import type { Database } from "../../src/store/db.ts";
import { createDirectoryRepository } from "../../src/store/directoryRepo.ts";
import { runDueJobs } from "../../src/store/jobs.ts";
import { freshDatabase } from "../support/db.ts";

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

export interface CaseWorld {
  db: Database;
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

export async function caseWorld(options: { people?: RawPerson[]; retentionDays?: number; keyring?: Keyring; start?: string } = {}): Promise<CaseWorld> {
  const db = await freshDatabase();
  const directory = await exampleDirectory(db, options.people);
  const clock = manualClock(options.start ?? "2026-03-02T09:00:00Z");
  const keyring = options.keyring ?? createKeyring(KEY_A);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const { service: cases, jobHandlers } = composeCases(db.prisma, {
    directory,
    clock,
    keyring,
    logger: createLogger("debug", sink),
    retentionDays: options.retentionDays ?? 1095,
  });
  const runJobs = async () => {
    let total = 0;
    for (let ran = -1; ran !== 0; total += ran) ran = await runDueJobs(db.prisma, jobHandlers, { clock, batchSize: 100 });
    return total;
  };
  return {
    db,
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
      const rows = await db.prisma.outboxMessage.findMany({ orderBy: [{ createdAt: "asc" }] });
      const opened = rows.map((r) => ({ id: r.id, recipientId: cases.reporterNoticeRecipient(r) ?? r.recipientId, kind: r.kind, payload: r.payload as Record<string, unknown>, at: r.createdAt.getTime() }));
      opened.sort((a, b) => a.at - b.at || a.recipientId.localeCompare(b.recipientId) || a.kind.localeCompare(b.kind));
      return opened.map(({ at: _at, ...m }) => m);
    },
    close: () => db.close(),
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
export async function file(world: CaseWorld, reporterId: string, overrides: Record<string, unknown> = {}) {
  const result = await world.cases.fileReport(reporterId, report(overrides));
  if (!result.ok) throw new Error(`report rejected: ${JSON.stringify(result.fieldErrors)} ${result.formError ?? ""}`);
  return result;
}

/** Builds the migrated template database once per file, in a hook (60 s) rather than in the first test's 30 s. */
export async function warmDatabase(): Promise<void> {
  await (await freshDatabase()).close();
}
