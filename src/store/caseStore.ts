// The cases core's ports (src/core/cases/store.ts) over Prisma: the repository functions of
// cases.ts, the audit chain, the outbox and the job table, on the root client or one transaction.
import { createDirectoryQueries } from "../core/directory/queries.ts";
import type { CaseDb, CaseJobHandler, CaseStore } from "../core/cases/store.ts";
import { appendAudit, auditTrail } from "./audit.ts";
import * as rows from "./cases.ts";
import { createDirectoryRepository } from "./directoryRepo.ts";
import type { PrismaClient } from "./generated/client.ts";
import { cancelJobs, schedule, type JobHandler } from "./jobs.ts";
import { enqueue } from "./outbox.ts";
import { claimEventIn } from "./processedEvents.ts";
import type { Db, Tx } from "./tx.ts";

// pg_advisory_xact_lock(int, int) class of the per-reporter filing lock (its own key space).
const FILING_LOCK_CLASS = 7271;
const UNDELIVERED = ["pending", "failed"];

/** The ports over one client: the root client (each call its own statement) or a transaction's. */
export function caseDbOver(db: Db, root: PrismaClient): CaseDb {
  // Functions that write take a Tx; on the root client each one is a statement of its own.
  const tx = db as Tx;
  return {
    cases: {
      allocateNumber: (year) => rows.allocateCaseNumber(tx, year),
      insert: async (data) => void (await rows.insertCase(tx, data)),
      update: async (id, changes) => void (await rows.updateCase(tx, id, changes)),
      find: (where) => rows.findCase(db, where),
      findForReceipt: (number) => rows.findCaseForReceipt(db, number),
      findForHandler: (number, personId) => rows.findCaseForHandler(db, number, personId),
      listForHandler: (personId, take) => rows.casesForHandler(db, personId, take),
      findByReporterTags: (tags, number, take) => rows.casesByReporterTags(db, tags, number, take),
      takenReporterTags: (tags) => rows.takenReporterTags(db, tags),
      claimSubmission: (key) => claimEventIn(tx, root, key),
      lockReporter: async (key) => void (await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1::int, $2::int)", FILING_LOCK_CLASS, key)),
      numbersLinkedTo: async (caseId) => (await rows.casesLinkedTo(db, caseId)).map((c) => c.number),
      numberOf: (id) => rows.numberOf(db, id),
      addHandler: (caseId, personId, reason, at) => rows.addHandler(tx, caseId, personId, reason, at),
      removeHandler: (caseId, personId, at) => rows.removeHandler(tx, caseId, personId, at),
      insertMessage: async (data) => void (await rows.insertMessage(tx, data)),
      messagesOf: (caseId, kinds) => rows.messagesOf(db, caseId, kinds),
      updateMessageBody: async (id, body) => void (await tx.caseMessage.update({ where: { id }, data: { body } })),
      recordCheckin: (caseId, day, at) => rows.recordCheckin(tx, caseId, day, at),
      openCheckins: (caseId) => rows.openCheckins(db, caseId),
      answerCheckin: (caseId, day, answer, at, linkedCaseId) => rows.answerCheckin(tx, caseId, day, answer, at, linkedCaseId),
      claimReporterNotice: (tags, currentTag, at) => rows.claimReporterNotice(tx, tags, currentTag, at),
      purge: (id, at) => rows.purgeCase(tx, id, at),
      all: () => rows.allCases(db),
    },
    audit: {
      append: async (event, context) => void (await appendAudit(tx, event, context)),
      trail: (subjectType, subjectId) => auditTrail(db, subjectType, subjectId),
    },
    outbox: {
      enqueue: (notification, clock) => enqueue(tx, notification, clock),
      find: (id) => db.outboxMessage.findUnique({ where: { id }, select: { id: true, recipientId: true, kind: true, payload: true } }),
      async undeliveredIds(kinds, before, take) {
        const due = await db.outboxMessage.findMany({
          where: { kind: { in: kinds }, status: { in: UNDELIVERED }, reroutedAt: null, createdAt: { lte: before } },
          orderBy: { createdAt: "asc" },
          take,
          select: { id: true },
        });
        return due.map((m) => m.id);
      },
      async claimForReroute(id, at) {
        // The claim: the first replica to mark it passes it on.
        const { count } = await db.outboxMessage.updateMany({ where: { id, reroutedAt: null, status: { in: UNDELIVERED } }, data: { reroutedAt: at } });
        return count === 1 ? db.outboxMessage.findUniqueOrThrow({ where: { id } }) : null;
      },
      countUndelivered: (before) => db.outboxMessage.count({ where: { OR: [{ status: "failed" }, { status: "pending", createdAt: { lte: before } }] } }),
    },
    jobs: {
      schedule: (job, clock) => schedule(tx, job, clock),
      cancel: async (keyPrefix) => void (await cancelJobs(tx, keyPrefix)),
    },
    people: {
      isActive: async (personId) => (await db.person.findUnique({ where: { id: personId }, select: { active: true } }))?.active === true,
      search: ({ excluded, text, take }) =>
        db.person.findMany({
          where: {
            active: true,
            mergedIntoId: null,
            id: { notIn: excluded },
            ...(text ? { OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] } : {}),
          },
          select: { id: true, name: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take,
        }),
    },
    directory: createDirectoryQueries(createDirectoryRepository(db)),
  };
}

export function createCaseStore(prisma: PrismaClient): CaseStore {
  // Waits (15 s for a connection, 30 s in all) instead of Prisma's 2 s / 5 s, which refused reports
  // whenever the database was busy or another replica's filing of the same form held its key.
  return { ...caseDbOver(prisma, prisma), transaction: (work) => prisma.$transaction((tx) => work(caseDbOver(tx, prisma)), { maxWait: 15_000, timeout: 30_000 }) };
}

/** The cases core's job handlers as runDueJobs calls them: on the job's transaction. */
export function caseJobHandlers(handlers: Record<string, CaseJobHandler>, prisma: PrismaClient): Record<string, JobHandler> {
  return Object.fromEntries(Object.entries(handlers).map(([kind, handle]) => [kind, (tx: Tx, payload, job) => handle(caseDbOver(tx, prisma), payload, job)] as const));
}
