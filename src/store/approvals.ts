import { openApproval, sealApproval } from "../core/approvals/sealing.ts";
import type { Clock } from "../core/clock.ts";
import type { AuditKeys } from "../core/crypto/auditKeys.ts";
import type { Keyring } from "../core/crypto/keyring.ts";
import type { DecisionRecord, DelegateRecord, InfoRecord, RequestAggregate, StageRecord } from "../core/approvals/records.ts";
import type { ApprovalService } from "../core/approvals/service.ts";
import type { ApprovalStore, ApprovalTx, RegisterFilter } from "../core/approvals/store.ts";
import type { ApprovalDetails, ApprovalStatus, DecisionRule, Register, SeatVia, StageFallback, StageRole, StageStatus } from "../core/approvals/types.ts";
import { appendAudit } from "./audit.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import { cancelJobs, schedule, type JobHandler } from "./jobs.ts";
import { enqueue } from "./outbox.ts";
import type { Db, Tx } from "./tx.ts";

const aggregate = {
  stages: { orderBy: { position: "asc" }, include: { seats: { orderBy: [{ addedAt: "asc" }, { personId: "asc" }] } } },
  decisions: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
  infoRequests: { orderBy: [{ askedAt: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.ApprovalRequestInclude;
type AggregateRow = Prisma.ApprovalRequestGetPayload<{ include: typeof aggregate }>;

const inForce = (at: Date) => ({ OR: [{ until: null }, { until: { gt: at } }] });

export interface PrismaApprovalStore extends ApprovalStore {
  /** The approval transaction over a Prisma transaction client (for job handlers). */
  wrap(tx: Tx): ApprovalTx;
}

/**
 * The approval core's store over Prisma: requests, stages, seats, decisions, delegates, plus
 * outbox, jobs and audit. A request's summary, details and people named are sealed with `keyring`
 * (approval_request.content); with no key configured they are stored in the clear, as before.
 */
export function createApprovalStore(prisma: PrismaClient, clock: Clock, keyring: Keyring, auditKeys: AuditKeys): PrismaApprovalStore {
  const load = (db: Db, id: string) => loadRequest(db, keyring, id);
  const toAggregate = (row: AggregateRow) => aggregateOf(row, keyring);
  const wrap = (tx: Tx): ApprovalTx => ({
    load: (id) => load(tx, id),
    async findIdByRequestKey(requestKey) {
      return (await tx.approvalRequest.findUnique({ where: { requestKey }, select: { id: true } }))?.id ?? null;
    },
    async insertRequest(request, stages) {
      const { summary, details, involvedIds, ...rest } = request;
      await tx.approvalRequest.create({
        data: {
          ...rest,
          ...(keyring.available
            ? { content: sealApproval(keyring, request.id, request) }
            : { summary, involvedIds, details: details as Prisma.InputJsonObject }),
          stages: {
            create: stages.map(({ seats, ...stage }) => ({
              ...stage,
              escalationPath: stage.escalationPath,
              seats: { create: seats.map((seat) => ({ personId: seat.personId, via: seat.via, addedAt: seat.addedAt })) },
            })),
          },
        },
      });
    },
    async claim(requestId, statuses) {
      // One UPDATE with the condition in its WHERE: PostgreSQL re-checks it after waiting for a
      // concurrent writer's lock, so only one of two racing transactions gets count 1.
      const count = await tx.$executeRaw`UPDATE "approval_request" SET "version" = "version" + 1 WHERE "id" = ${requestId} AND "status" IN (${Prisma.join([...statuses])})`;
      return count === 1;
    },
    async updateRequest(requestId, changes, at) {
      await tx.approvalRequest.update({ where: { id: requestId }, data: { ...changes, updatedAt: at } });
    },
    async updateStage(stageId, changes, onlyIf) {
      const { count } = await tx.approvalStage.updateMany({ where: { id: stageId, ...(onlyIf ? { status: onlyIf } : {}) }, data: changes });
      return count === 1;
    },
    async addSeat(stageId, seat) {
      await tx.approvalSeat.create({ data: { stageId, ...seat } });
    },
    async insertDecision(requestId, decision) {
      await tx.approvalDecision.create({ data: { requestId, ...decision } });
    },
    async insertInfoRequest(requestId, info) {
      await tx.approvalInfoRequest.create({ data: { requestId, ...info } });
    },
    async answerInfoRequest(infoId, answer, at) {
      await tx.approvalInfoRequest.update({ where: { id: infoId }, data: { answer, answeredAt: at } });
    },
    delegationsBy: async (personIds, at) => (await tx.approvalDelegate.findMany({ where: { personId: { in: personIds }, ...inForce(at) } })).map(toDelegate),
    delegationsTo: (delegateId, at) => delegationsTo(tx, delegateId, at),
    async putDelegate(record) {
      const { personId, ...rest } = record;
      await tx.approvalDelegate.upsert({ where: { personId }, create: record, update: rest });
    },
    async removeDelegate(personId) {
      return (await tx.approvalDelegate.deleteMany({ where: { personId } })).count > 0;
    },
    notify: (notification) => enqueue(tx, notification, clock),
    schedule: (timer) => schedule(tx, timer, clock),
    async cancelTimers(keyPrefix) {
      await cancelJobs(tx, keyPrefix);
    },
    async audit(event) {
      await appendAudit(tx, event, { clock, auditKeys });
    },
  });

  return {
    wrap,
    transaction: (work) => prisma.$transaction((tx) => work(wrap(tx)), { maxWait: 15_000, timeout: 30_000 }),
    load: (id) => load(prisma, id),
    async listByRequester(personId) {
      const rows = await prisma.approvalRequest.findMany({ where: { requesterId: personId }, include: aggregate, orderBy: { number: "desc" } });
      return rows.map(toAggregate);
    },
    async listWithOpenSeat(personIds) {
      const rows = await prisma.approvalRequest.findMany({
        where: { status: "pending", stages: { some: { status: "pending", seats: { some: { personId: { in: personIds } } } } } },
        include: aggregate,
        orderBy: { number: "asc" },
      });
      return rows.map(toAggregate);
    },
    async listRegister(filter: RegisterFilter) {
      const where: Prisma.ApprovalRequestWhereInput = {
        ...(filter.register ? { register: filter.register } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      };
      return (await prisma.approvalRequest.findMany({ where, include: aggregate, orderBy: { number: "asc" } })).map(toAggregate);
    },
    delegationsTo: (delegateId, at) => delegationsTo(prisma, delegateId, at),
    async delegationOf(personId, at) {
      const row = await prisma.approvalDelegate.findFirst({ where: { personId, ...inForce(at) } });
      return row ? toDelegate(row) : null;
    },
    isUniqueViolation,
  };
}

/** Job handlers for runDueJobs (src/store/jobs.ts): each runs the core's timer inside the job's transaction. */
export function approvalJobHandlers(store: PrismaApprovalStore, service: Pick<ApprovalService, "timers">): Record<string, JobHandler> {
  return Object.fromEntries(Object.entries(service.timers).map(([kind, handler]) => [kind, (tx: Tx, payload: Record<string, unknown>) => handler(store.wrap(tx), payload)]));
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { cause?: unknown })?.cause ?? null)}`;
  return /unique constraint|23505/i.test(text);
}

async function loadRequest(db: Db, keyring: Keyring, id: string): Promise<RequestAggregate | null> {
  const row = await db.approvalRequest.findUnique({ where: { id }, include: aggregate });
  return row ? aggregateOf(row, keyring) : null;
}

/** The request's summary, details and people named: opened, or as stored in the clear before sealing. */
function contentOf(row: Pick<AggregateRow, "id" | "content" | "summary" | "details" | "involvedIds">, keyring: Keyring) {
  if (row.content) return openApproval(keyring, row.id, row.content);
  return { summary: row.summary ?? "", details: (row.details ?? {}) as ApprovalDetails, involvedIds: (row.involvedIds ?? []) as string[] };
}

export interface ApprovalRotation {
  approvalsChecked: number;
  approvalsRewritten: number;
}

/** `conduct keys rotate`: seals every request's content under the current key, including requests stored in the clear. */
export async function resealApprovals(prisma: PrismaClient, keyring: Keyring): Promise<ApprovalRotation> {
  const summary: ApprovalRotation = { approvalsChecked: 0, approvalsRewritten: 0 };
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.approvalRequest.findMany({
      select: { id: true, content: true, summary: true, details: true, involvedIds: true },
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of page) {
      summary.approvalsChecked++;
      if (row.content && keyring.keyIdOf(row.content) === keyring.currentId && row.summary === null) continue;
      const content = sealApproval(keyring, row.id, contentOf(row, keyring));
      await prisma.approvalRequest.update({ where: { id: row.id }, data: { content, summary: null, details: Prisma.DbNull, involvedIds: Prisma.DbNull } });
      summary.approvalsRewritten++;
    }
    if (page.length < 200) return summary;
    cursor = page[page.length - 1]!.id;
  }
}

async function delegationsTo(db: Db, delegateId: string, at: Date): Promise<DelegateRecord[]> {
  return (await db.approvalDelegate.findMany({ where: { delegateId, ...inForce(at) }, orderBy: { personId: "asc" } })).map(toDelegate);
}

function toDelegate(row: { personId: string; delegateId: string; until: Date | null; createdAt: Date }): DelegateRecord {
  return { personId: row.personId, delegateId: row.delegateId, until: row.until, createdAt: row.createdAt };
}

function aggregateOf(row: AggregateRow, keyring: Keyring): RequestAggregate {
  const { stages, decisions, infoRequests, version: _version, content: _content, summary: _summary, details: _details, involvedIds: _involved, ...r } = row;
  return {
    request: {
      ...r,
      ...contentOf(row, keyring),
      register: r.register as Register | null,
      status: r.status as ApprovalStatus,
    },
    stages: stages.map(
      (s): StageRecord => ({
        id: s.id,
        position: s.position,
        role: s.role as StageRole,
        rule: s.rule as DecisionRule,
        status: s.status as StageStatus,
        fallback: s.fallback as StageFallback | null,
        escalationPath: s.escalationPath as string[],
        escalationLevel: s.escalationLevel,
        openedAt: s.openedAt,
        closedAt: s.closedAt,
        seats: s.seats.map((seat) => ({ personId: seat.personId, via: seat.via as SeatVia, addedAt: seat.addedAt })),
      }),
    ),
    decisions: decisions.map(({ requestId: _r, ...d }): DecisionRecord => ({ ...d, action: d.action as DecisionRecord["action"] })),
    infoRequests: infoRequests.map(({ requestId: _r, ...i }): InfoRecord => i),
  };
}
