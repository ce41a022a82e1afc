// The approvals core's port (src/core/approvals/store.ts) in memory, for its tests without a database.
// Transactions run one at a time and put every table back if they throw; the unique keys the
// database enforces (request key, one decision per seat and stage, idempotency keys) are enforced here.
import type { Clock } from "../../../src/core/clock.ts";
import type { DelegateRecord, RequestAggregate } from "../../../src/core/approvals/records.ts";
import type { ApprovalAuditEvent, ApprovalStore, ApprovalTx, OutgoingNotification, Timer } from "../../../src/core/approvals/store.ts";
import { serialTransactions } from "./transactions.ts";

export interface ApprovalTables {
  requests: RequestAggregate[];
  delegates: DelegateRecord[];
  outbox: Array<OutgoingNotification & { createdAt: Date }>;
  jobs: Array<Timer & { status: "pending" | "done" | "cancelled" }>;
  audit: Array<ApprovalAuditEvent & { at: Date }>;
}

class UniqueViolation extends Error {
  override name = "UniqueViolation";
}

export interface MemoryApprovalStore extends ApprovalStore {
  tables: ApprovalTables;
  /** Runs the due timers once each, in the order due, as runDueJobs does; how many ran. */
  runDueJobs(timers: Record<string, (tx: ApprovalTx, payload: Record<string, unknown>) => Promise<void>>): Promise<number>;
}

const inForce = (d: DelegateRecord, at: Date) => d.until === null || d.until > at;

export function memoryApprovalStore(clock: Clock): MemoryApprovalStore {
  const t: ApprovalTables = { requests: [], delegates: [], outbox: [], jobs: [] as ApprovalTables["jobs"], audit: [] };
  let number = 0;
  const copy = (agg: RequestAggregate) => structuredClone(agg);
  const find = (id: string) => t.requests.find((a) => a.request.id === id);
  const stageOf = (stageId: string) => {
    for (const agg of t.requests) for (const stage of agg.stages) if (stage.id === stageId) return { agg, stage };
    throw new Error(`no stage ${stageId}`);
  };
  const byNumber = (a: RequestAggregate, b: RequestAggregate) => a.request.number - b.request.number;
  const keyTaken = (key: string | null) => key !== null && t.requests.some((a) => a.decisions.some((d) => d.idempotencyKey === key) || a.infoRequests.some((i) => i.idempotencyKey === key));
  const delegationsTo = async (delegateId: string, at: Date) => t.delegates.filter((d) => d.delegateId === delegateId && inForce(d, at)).map((d) => ({ ...d }));
  const load = async (id: string) => {
    const agg = find(id);
    return agg ? copy(agg) : null;
  };

  const tx: ApprovalTx = {
    load,
    findIdByRequestKey: async (key) => t.requests.find((a) => a.request.requestKey === key)?.request.id ?? null,
    async insertRequest(request, stages) {
      if (request.requestKey !== null && t.requests.some((a) => a.request.requestKey === request.requestKey)) throw new UniqueViolation("request_key");
      t.requests.push(structuredClone({ request: { ...request, number: ++number }, stages, decisions: [], infoRequests: [] }));
    },
    async claim(requestId, statuses) {
      return statuses.includes(find(requestId)?.request.status as never);
    },
    async updateRequest(requestId, changes, at) {
      Object.assign(find(requestId)!.request, changes, { updatedAt: at });
    },
    async updateStage(stageId, changes, onlyIf) {
      const { stage } = stageOf(stageId);
      if (onlyIf && stage.status !== onlyIf) return false;
      Object.assign(stage, changes);
      return true;
    },
    async addSeat(stageId, seat) {
      const { stage } = stageOf(stageId);
      if (stage.seats.some((s) => s.personId === seat.personId)) throw new UniqueViolation("approval_seat");
      stage.seats.push({ ...seat });
      stage.seats.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.personId.localeCompare(b.personId));
    },
    async insertDecision(requestId, decision) {
      const agg = find(requestId)!;
      if (agg.decisions.some((d) => d.stageId === decision.stageId && d.approverId === decision.approverId) || keyTaken(decision.idempotencyKey)) throw new UniqueViolation("approval_decision");
      agg.decisions.push({ ...decision });
      agg.decisions.sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || a.id.localeCompare(b.id));
    },
    async insertInfoRequest(requestId, info) {
      if (keyTaken(info.idempotencyKey)) throw new UniqueViolation("approval_info_request");
      const agg = find(requestId)!;
      agg.infoRequests.push({ ...info });
      agg.infoRequests.sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime() || a.id.localeCompare(b.id));
    },
    async answerInfoRequest(infoId, answer, at) {
      for (const agg of t.requests) for (const info of agg.infoRequests) if (info.id === infoId) Object.assign(info, { answer, answeredAt: at });
    },
    delegationsBy: async (personIds, at) => t.delegates.filter((d) => personIds.includes(d.personId) && inForce(d, at)).map((d) => ({ ...d })),
    delegationsTo,
    async putDelegate(record) {
      t.delegates = [...t.delegates.filter((d) => d.personId !== record.personId), { ...record }];
    },
    async removeDelegate(personId) {
      const before = t.delegates.length;
      t.delegates = t.delegates.filter((d) => d.personId !== personId);
      return t.delegates.length < before;
    },
    async notify(notification) {
      t.outbox.push({ ...structuredClone(notification), createdAt: clock.now() });
    },
    async schedule(timer) {
      // As the job table's upsert on the key: the same row, pending again.
      const existing = t.jobs.find((j) => j.key === timer.key);
      if (existing) Object.assign(existing, structuredClone(timer), { status: "pending" });
      else t.jobs.push({ ...structuredClone(timer), status: "pending" });
    },
    async cancelTimers(prefix) {
      for (const job of t.jobs) if (job.status === "pending" && job.key.startsWith(prefix)) job.status = "cancelled";
    },
    async audit(event) {
      t.audit.push({ ...structuredClone(event), at: clock.now() });
    },
  };

  const inTurn = serialTransactions(() => {
    const [before, numberBefore] = [structuredClone(t), number];
    return () => {
      Object.assign(t, before);
      number = numberBefore;
    };
  });
  const transaction = <T>(work: (tx: ApprovalTx) => Promise<T>): Promise<T> => inTurn(() => work(tx));

  return {
    tables: t,
    transaction,
    load,
    listByRequester: async (personId) => t.requests.filter((a) => a.request.requesterId === personId).sort(byNumber).reverse().map(copy),
    listWithOpenSeat: async (personIds) =>
      t.requests
        .filter((a) => a.request.status === "pending" && a.stages.some((s) => s.status === "pending" && s.seats.some((seat) => personIds.includes(seat.personId))))
        .sort(byNumber)
        .map(copy),
    listRegister: async (filter) => t.requests.filter((a) => (!filter.register || a.request.register === filter.register) && (!filter.status || a.request.status === filter.status)).sort(byNumber).map(copy),
    delegationsTo,
    delegationOf: async (personId, at) => {
      const found = t.delegates.find((d) => d.personId === personId && inForce(d, at));
      return found ? { ...found } : null;
    },
    isUniqueViolation: (error) => error instanceof UniqueViolation,
    async runDueJobs(timers) {
      const due = t.jobs.filter((j) => j.status === "pending" && j.runAt <= clock.now()).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
      let ran = 0;
      for (const { key } of due) {
        const done = await transaction(async (inTx) => {
          const job = t.jobs.find((j) => j.key === key && j.status === "pending");
          if (!job) return false;
          const handle = timers[job.kind];
          if (!handle) throw new Error(`no handler for job kind ${job.kind}`);
          await handle(inTx, job.payload);
          const after = t.jobs.find((j) => j.key === key)!;
          if (after.status !== "pending") return false;
          after.status = "done";
          return true;
        });
        if (done) ran++;
      }
      return ran;
    },
  };
}
