// The cases core's ports (src/core/cases/store.ts) in memory, for core tests without a database.
// Kept with the tests, not in src: nothing in the product may run on it, and the layers test keeps
// it honest only as far as it implements the same interfaces the Prisma adapter does.
//
// A transaction runs alone (one at a time) on the live tables and puts them back as they were if
// it throws, so "a notice exists exactly when the change does" holds here as in the database.
import { randomUUID } from "node:crypto";
import type { Clock } from "../../../src/core/clock.ts";
import { createDirectoryQueries } from "../../../src/core/directory/queries.ts";
import type { DirectoryRepository } from "../../../src/core/directory/repository.ts";
import type {
  AuditRecord,
  CaseDb,
  CaseJobHandler,
  CaseRecord,
  CaseRow,
  CaseStore,
  CheckinRecord,
  HandlerRecord,
  MessageRecord,
} from "../../../src/core/cases/store.ts";
import type { PersonRecord } from "../../../src/core/directory/record.ts";
import { serialTransactions } from "./transactions.ts";

export interface OutboxRow {
  id: string;
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: "pending" | "sent" | "failed";
  createdAt: Date;
  reroutedAt: Date | null;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  key: string | null;
  status: "pending" | "done" | "cancelled" | "failed";
  attempts: number;
  lastError: string | null;
}

/** Every table, as plain rows a test may read (and, to simulate a platform, change). */
export interface MemoryTables {
  counters: Map<number, number>;
  cases: Map<string, CaseRecord>;
  handlers: HandlerRecord[];
  messages: MessageRecord[];
  checkins: CheckinRecord[];
  /** Typed-message notices shown: tag → day. */
  notices: Map<string, string>;
  /** Form submissions already filed (claimSubmission). */
  submissions: Set<string>;
  audit: AuditRecord[];
  outbox: OutboxRow[];
  jobs: JobRow[];
}

const emptyTables = (): MemoryTables => ({ counters: new Map(), cases: new Map(), handlers: [], messages: [], checkins: [], notices: new Map(), submissions: new Set(), audit: [], outbox: [], jobs: [] });
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export interface MemoryCaseStore extends CaseStore {
  tables: MemoryTables;
  /** Runs due jobs once each, in the order due, as src/store/jobs.ts runDueJobs does; how many ran. */
  runDueJobs(handlers: Record<string, CaseJobHandler>, clock: Clock): Promise<number>;
}

/** `directory` is the in-memory directory the people port reads too. */
export function memoryCaseStore(directory: DirectoryRepository & { people: Map<string, PersonRecord> }): MemoryCaseStore {
  const t = emptyTables();
  let seq = 0;
  const withHandlers = (row: CaseRecord): CaseRow => ({
    ...row,
    handlers: t.handlers.filter((h) => h.caseId === row.id).sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime()).map((h) => ({ ...h })),
  });
  const newestFirst = (a: CaseRecord, b: CaseRecord) => b.filedAt.getTime() - a.filedAt.getTime();
  const active = (caseId: string, personId: string) => t.handlers.some((h) => h.caseId === caseId && h.personId === personId && h.removedAt === null);
  const undelivered = (m: OutboxRow) => m.status === "pending" || m.status === "failed";

  const db: CaseDb = {
    cases: {
      async allocateNumber(year) {
        const last = (t.counters.get(year) ?? 0) + 1;
        t.counters.set(year, last);
        return `C-${year}-${String(last).padStart(4, "0")}`;
      },
      async insert(data) {
        if (t.cases.has(data.id) || [...t.cases.values()].some((c) => c.number === data.number)) throw new Error(`case ${data.number} exists`);
        t.cases.set(data.id, { outcome: null, acknowledgedAt: null, feedbackBy: null, feedbackAt: null, closedAt: null, legalHold: false, purgedAt: null, ...data });
      },
      async update(id, changes) {
        const row = t.cases.get(id);
        if (!row) throw new Error(`no case ${id}`);
        t.cases.set(id, { ...row, ...changes });
      },
      async find(where) {
        const row = "id" in where ? t.cases.get(where.id) : [...t.cases.values()].find((c) => c.number === where.number);
        return row ? withHandlers(row) : null;
      },
      async findForReceipt(number) {
        const row = [...t.cases.values()].find((c) => c.number === number);
        return row ? { id: row.id, number: row.number, filedAt: row.filedAt, receiptDigest: row.receiptDigest, content: row.content, category: row.category, mode: row.mode } : null;
      },
      async findForHandler(number, personId) {
        const row = [...t.cases.values()].find((c) => c.number === number && active(c.id, personId));
        return row ? withHandlers(row) : null;
      },
      async listForHandler(personId, take) {
        return [...t.cases.values()].filter((c) => active(c.id, personId)).sort(newestFirst).slice(0, take ?? Infinity).map((c) => ({ ...c }));
      },
      async findByReporterTags(tags, number, take) {
        return [...t.cases.values()]
          .filter((c) => c.reporterTag !== null && tags.includes(c.reporterTag) && (!number || c.number === number))
          .sort(newestFirst)
          .slice(0, take ?? Infinity)
          .map(withHandlers);
      },
      async takenReporterTags(tags) {
        return [...t.cases.values()].flatMap((c) => (c.reporterTag !== null && tags.includes(c.reporterTag) ? [c.reporterTag] : []));
      },
      async claimSubmission(key) {
        if (t.submissions.has(key)) return false;
        t.submissions.add(key);
        return true;
      },
      async lockReporter() {}, // transactions run one at a time here
      async numbersLinkedTo(caseId) {
        return [...t.cases.values()].filter((c) => c.linkedCaseId === caseId).sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime()).map((c) => c.number);
      },
      numberOf: async (id) => t.cases.get(id)?.number ?? null,
      async addHandler(caseId, personId, reason, at) {
        const existing = t.handlers.find((h) => h.caseId === caseId && h.personId === personId);
        if (existing) Object.assign(existing, { reason, assignedAt: at, removedAt: null });
        else t.handlers.push({ caseId, personId, reason, assignedAt: at, removedAt: null });
      },
      async removeHandler(caseId, personId, at) {
        for (const h of t.handlers) if (h.caseId === caseId && h.personId === personId && h.removedAt === null) h.removedAt = at;
      },
      async insertMessage(data) {
        t.messages.push({ via: null, ...data, seq: ++seq });
      },
      async messagesOf(caseId, kinds) {
        return t.messages
          .filter((m) => m.caseId === caseId && (!kinds || kinds.includes(m.kind)))
          .sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq)
          .map((m) => ({ ...m }));
      },
      async updateMessageBody(id, body) {
        const message = t.messages.find((m) => m.id === id);
        if (!message) throw new Error(`no message ${id}`);
        message.body = body;
      },
      async recordCheckin(caseId, day, at) {
        if (!t.checkins.some((c) => c.caseId === caseId && c.day === day)) t.checkins.push({ caseId, day, askedAt: at, answeredAt: null, answer: null, linkedCaseId: null });
      },
      async openCheckins(caseId) {
        return t.checkins.filter((c) => c.caseId === caseId && c.answeredAt === null).sort((a, b) => a.day - b.day).map((c) => ({ ...c }));
      },
      async answerCheckin(caseId, day, answer, at, linkedCaseId) {
        const checkin = t.checkins.find((c) => c.caseId === caseId && c.day === day && c.answeredAt === null);
        if (!checkin) return false;
        Object.assign(checkin, { answer, answeredAt: at, linkedCaseId });
        return true;
      },
      async claimReporterNotice(tags, currentTag, at) {
        if (tags.some((tag) => t.notices.has(tag)) || t.notices.has(currentTag)) return false;
        t.notices.set(currentTag, dayOf(at));
        return true;
      },
      async purge(id, at) {
        await db.cases.update(id, { content: null, reporterLink: null, reporterTag: null, purgedAt: at });
        for (const m of t.messages) if (m.caseId === id) m.body = null;
      },
      async *all() {
        yield* [...t.cases.values()].sort((a, b) => a.number.localeCompare(b.number)).map((c) => ({ ...c }));
      },
    },
    audit: {
      async append(event, { clock }) {
        t.audit.push({ seq: t.audit.length + 1, at: clock.now(), actor: event.actor, action: event.action, subjectType: event.subjectType, subjectId: event.subjectId, details: structuredClone(event.details ?? {}) });
      },
      trail: async (subjectType, subjectId) => t.audit.filter((e) => e.subjectType === subjectType && e.subjectId === subjectId).map((e) => ({ ...e })),
    },
    outbox: {
      async enqueue(n, clock) {
        t.outbox.push({ id: n.id ?? randomUUID(), recipientId: n.recipientId, kind: n.kind, payload: structuredClone(n.payload), status: "pending", createdAt: clock.now(), reroutedAt: null });
      },
      async find(id) {
        const m = t.outbox.find((o) => o.id === id);
        return m ? { id: m.id, recipientId: m.recipientId, kind: m.kind, payload: structuredClone(m.payload) } : null;
      },
      async undeliveredIds(kinds, before, take) {
        return t.outbox.filter((m) => kinds.includes(m.kind) && undelivered(m) && !m.reroutedAt && m.createdAt <= before).slice(0, take).map((m) => m.id);
      },
      async claimForReroute(id, at) {
        const message = t.outbox.find((m) => m.id === id && !m.reroutedAt && undelivered(m));
        if (!message) return null;
        message.reroutedAt = at;
        return { ...message };
      },
      countUndelivered: async (before) => t.outbox.filter((m) => m.status === "failed" || (m.status === "pending" && m.createdAt <= before)).length,
    },
    jobs: {
      async schedule(job, _clock) {
        const existing = job.key ? t.jobs.find((j) => j.key === job.key) : undefined;
        const fields = { kind: job.kind, runAt: job.runAt, payload: structuredClone(job.payload) };
        if (existing) Object.assign(existing, fields, { status: "pending", attempts: 0, lastError: null });
        else t.jobs.push({ id: randomUUID(), key: job.key ?? null, status: "pending", attempts: 0, lastError: null, ...fields });
      },
      async cancel(prefix) {
        for (const j of t.jobs) if (j.status === "pending" && j.key?.startsWith(prefix)) j.status = "cancelled";
      },
    },
    people: {
      isActive: async (personId) => directory.people.get(personId)?.active === true,
      async search({ excluded, text, take }) {
        const needle = text.toLowerCase();
        return [...directory.people.values()]
          .filter((p) => p.active && !p.mergedIntoId && !excluded.includes(p.id) && (!needle || p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle)))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id.localeCompare(b.id)))
          .slice(0, take)
          .map((p) => ({ id: p.id, name: p.name }));
      },
    },
    directory: createDirectoryQueries(directory),
  };

  const inTurn = serialTransactions(() => {
    const [before, seqBefore] = [structuredClone(t), seq];
    return () => {
      Object.assign(t, before);
      seq = seqBefore;
    };
  });
  const transaction = <T>(work: (tx: CaseDb) => Promise<T>): Promise<T> => inTurn(() => work(db));

  return {
    ...db,
    tables: t,
    transaction,
    async runDueJobs(handlers, clock) {
      const now = clock.now();
      const due = t.jobs.filter((j) => j.status === "pending" && j.runAt <= now).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
      let ran = 0;
      for (const { id } of due) {
        const job = t.jobs.find((j) => j.id === id)!;
        job.attempts++;
        try {
          const done = await transaction(async (tx) => {
            const current = t.jobs.find((j) => j.id === id);
            if (!current || current.status !== "pending") return false;
            const handle = handlers[current.kind];
            if (!handle) throw new Error(`no handler for job kind ${current.kind}`);
            await handle(tx, current.payload, { id: current.id, kind: current.kind, runAt: current.runAt });
            const after = t.jobs.find((j) => j.id === id)!;
            if (after.status !== "pending") return false;
            after.status = "done";
            return true;
          });
          if (done) ran++;
        } catch (error) {
          const failed = t.jobs.find((j) => j.id === id)!;
          Object.assign(failed, { status: failed.attempts >= 10 ? "failed" : "pending", lastError: String(error), runAt: new Date(clock.now().getTime() + Math.min(3_600_000, 5_000 * 2 ** failed.attempts)) });
        }
      }
      return ran;
    },
  };
}
