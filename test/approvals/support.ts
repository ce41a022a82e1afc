import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { createApprovalService, type ApprovalService } from "../../src/core/approvals/service.ts";
import type { ApprovalView, DecideResult, NewApprovalRequest, RequestResult } from "../../src/core/approvals/types.ts";
import { manualClock } from "../../src/core/clock.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { createDirectoryService, type DirectoryService } from "../../src/core/directory/service.ts";
import { loadPolicy, type Policy } from "../../src/core/policy/load.ts";
import { approvalJobHandlers, createApprovalStore, type PrismaApprovalStore } from "../../src/store/approvals.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { createDirectoryRepository } from "../../src/store/directoryRepo.ts";
import type { PrismaClient } from "../../src/store/generated/client.ts";
import { runDueJobs } from "../../src/store/jobs.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { memoryApprovalStore, type MemoryApprovalStore } from "../support/memory/approvalStore.ts";
import { memoryDirectory } from "../support/memory/directory.ts";

/** Seals the approval tests' audit entries (as AUDIT_KEY would). */
export const AUDIT_KEYS = createKeyring(Buffer.alloc(32, 0x7a).toString("base64"));

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
export const POLICY = loadPolicy(path("policies/code-of-conduct.txt"), path("policies/code-of-conduct.rules.yaml"));
export const EXAMPLE_PEOPLE = (parse(readFileSync(path("directory.example.yaml"), "utf8")) as { people: Array<Record<string, unknown>> }).people;

/** The key approval contents are sealed with in these tests. */
export const APPROVALS_KEY = Buffer.alloc(32, 0x3a).toString("base64");

/** Monday 5 January 2026, 09:00 UTC. */
export const MONDAY = "2026-01-05T09:00:00Z";

export type ManualClock = ReturnType<typeof manualClock>;

interface BaseHarness {
  clock: ManualClock;
  directory: DirectoryService;
  approvals: ApprovalService;
  /** Runs the due persisted timers, as the worker does. */
  runJobs(): Promise<number>;
  /** Outbox messages, oldest first, optionally of one kind. */
  outbox(kind?: string): Promise<Array<{ recipientId: string; kind: string; payload: Record<string, unknown> }>>;
  /** Makes a request that must succeed. */
  request(input: NewApprovalRequest, key?: string): Promise<ApprovalView>;
  close(): Promise<void>;
}

export interface Harness extends BaseHarness {
  db: TestDatabase;
  store: PrismaApprovalStore;
}

/** The approvals core on its in-memory port (test/support/memory): no database, for the core's own rules. */
export interface MemoryHarness extends BaseHarness {
  store: MemoryApprovalStore;
}

export interface HarnessOptions {
  /** Edits the example company before it is imported. */
  people?: (people: Array<Record<string, unknown>>) => Array<Record<string, unknown>>;
  /** Replaces keys of the rules file's `approvals:` section. */
  approvals?: Record<string, unknown>;
  remindDays?: number;
  escalateDays?: number;
  /** An already open database (the concurrency tests' second replica shares one). */
  db?: TestDatabase;
  importDirectory?: boolean;
}

export function policyWith(approvals: Record<string, unknown>): Policy {
  const base = (POLICY.rules as Record<string, unknown>).approvals as Record<string, unknown>;
  return { ...POLICY, rules: { ...POLICY.rules, approvals: { ...base, ...approvals } } };
}

export function servicesOn(prisma: PrismaClient, clock: ManualClock, options: HarnessOptions = {}) {
  const directory = createDirectoryService(createDirectoryRepository(prisma), () => clock.now());
  const store = createApprovalStore(prisma, clock, createKeyring(APPROVALS_KEY), AUDIT_KEYS);
  const approvals = createApprovalService({
    store,
    directory,
    policy: options.approvals ? policyWith(options.approvals) : POLICY,
    clock,
    config: { APPROVAL_REMIND_DAYS: options.remindDays ?? 2, APPROVAL_ESCALATE_DAYS: options.escalateDays ?? 5 },
  });
  return { directory, store, approvals };
}

/** Migrates the shared template database once, before the first test's clock starts. */
export async function warmUp(): Promise<void> {
  await (await freshDatabase()).close();
}

/** The example people (or the options' variant of them), unless the test imports its own. */
async function importPeople(directory: DirectoryService, options: Pick<HarnessOptions, "importDirectory" | "people">): Promise<void> {
  if (options.importDirectory === false) return;
  const people = options.people ? options.people(structuredClone(EXAMPLE_PEOPLE)) : EXAMPLE_PEOPLE;
  await directory.importText(stringify({ people }));
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.db ?? (await freshDatabase());
  const clock = manualClock(MONDAY);
  const { directory, store, approvals } = servicesOn(db.prisma, clock, options);
  let closed = false;
  await importPeople(directory, options);
  return {
    db,
    clock,
    directory,
    store,
    approvals,
    runJobs: () => runDueJobs(db.prisma, approvalJobHandlers(store, approvals), { clock }),
    async outbox(kind) {
      const rows = await db.prisma.outboxMessage.findMany({ where: kind ? { kind } : {}, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return rows.map((r) => ({ recipientId: r.recipientId, kind: r.kind, payload: r.payload as Record<string, unknown> }));
    },
    async request(input, key) {
      return created(await approvals.request(input, key));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

export async function memoryHarness(options: Omit<HarnessOptions, "db"> = {}): Promise<MemoryHarness> {
  const clock = manualClock(MONDAY);
  const directory = createDirectoryService(memoryDirectory(), () => clock.now());
  const store = memoryApprovalStore(clock);
  const approvals = createApprovalService({
    store,
    directory,
    policy: options.approvals ? policyWith(options.approvals) : POLICY,
    clock,
    config: { APPROVAL_REMIND_DAYS: options.remindDays ?? 2, APPROVAL_ESCALATE_DAYS: options.escalateDays ?? 5 },
  });
  await importPeople(directory, options);
  return {
    clock,
    directory,
    store,
    approvals,
    runJobs: () => store.runDueJobs(approvals.timers),
    async outbox(kind) {
      return store.tables.outbox.filter((m) => !kind || m.kind === kind).map((m) => ({ recipientId: m.recipientId, kind: m.kind, payload: m.payload }));
    },
    async request(input, key) {
      return created(await approvals.request(input, key));
    },
    close: async () => {},
  };
}

export function created(result: RequestResult): ApprovalView {
  if (result.kind !== "created") throw new Error(`request rejected: ${result.code}: ${result.message}`);
  return result.view;
}

export function recorded(result: DecideResult) {
  if (result.kind !== "recorded") throw new Error(`decision not recorded: ${JSON.stringify(result.kind === "rejected" ? result : { kind: result.kind })}`);
  return result;
}

/** The seat ids of each stage. */
export const seatsOf = (view: ApprovalView) => view.stages.map((s) => s.approvers.map((a) => a.person.id));

export const recipients = (messages: Array<{ recipientId: string }>) => messages.map((m) => m.recipientId).sort();

export async function auditActions(h: Harness | MemoryHarness, requestId: string): Promise<string[]> {
  if (!("db" in h)) return h.store.tables.audit.filter((e) => e.subjectType === "approval" && e.subjectId === requestId).map((e) => e.action);
  const rows = await h.db.prisma.auditEntry.findMany({ where: { subjectType: "approval", subjectId: requestId }, orderBy: { seq: "asc" } });
  return rows.map((r) => r.action);
}

export async function expectAuditIntact(h: Harness) {
  const { problems } = await verifyAudit(h.db.prisma, AUDIT_KEYS);
  if (problems.length) throw new Error(`audit chain broken: ${JSON.stringify(problems)}`);
}

export const gift = (requesterId: string, extra: Partial<NewApprovalRequest> = {}): NewApprovalRequest => ({
  requesterId,
  topicId: "gifts",
  summary: "Two tickets to the regional energy conference dinner",
  details: { amount: 450, currency: "USD", giver: "Northwind Fuels" },
  ...extra,
});
