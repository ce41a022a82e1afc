import { reference, type RequestAggregate } from "./records.ts";
import { earliest } from "./progress.ts";
import type { ApprovalStatus, PersonRef, Register } from "./types.ts";
import type { NameOf } from "./view.ts";

/**
 * The registers the Company keeps of approval requests: gifts and entertainment, conflicts of
 * interest, outside roles, and waivers (with the prompt-disclosure flag). One entry per request,
 * whatever became of it.
 */
export interface RegisterEntry {
  register: Register | null;
  reference: string;
  id: string;
  status: ApprovalStatus;
  topicId: string;
  clauseId: string;
  requestedAt: string;
  requester: PersonRef;
  /** Waivers: whom the waiver is for. */
  subject: PersonRef | null;
  involved: PersonRef[];
  summary: string;
  amount: number | null;
  currency: string | null;
  giver: string | null;
  organisation: string | null;
  position: string | null;
  date: string | null;
  endDate: string | null;
  decisions: Array<{
    stage: number;
    role: string;
    approver: PersonRef;
    /** Set when a delegate decided for the approver. */
    delegate: PersonRef | null;
    action: "approve" | "decline";
    conditions: string | null;
    expiresOn: string | null;
    reason: string | null;
    decidedAt: string;
  }>;
  closedAt: string | null;
  conditions: string[];
  expiresOn: string | null;
  inWriting: boolean;
  disclosureRequired: boolean;
}

export function registerEntries(aggs: RequestAggregate[], nameOf: NameOf): RegisterEntry[] {
  return aggs.map(({ request: r, stages, decisions }) => {
    const approvals = decisions.filter((d) => d.action === "approve");
    return {
      register: r.register,
      reference: reference(r.number),
      id: r.id,
      status: r.status,
      topicId: r.topicId,
      clauseId: r.clauseId,
      requestedAt: r.createdAt.toISOString(),
      requester: nameOf(r.requesterId),
      subject: r.subjectId ? nameOf(r.subjectId) : null,
      involved: r.involvedIds.map(nameOf),
      summary: r.summary,
      amount: r.details.amount ?? null,
      currency: r.details.currency ?? null,
      giver: r.details.giver ?? null,
      organisation: r.details.organisation ?? null,
      position: r.details.position ?? null,
      date: r.details.date ?? null,
      endDate: r.details.endDate ?? null,
      decisions: decisions.map((d) => {
        const stage = stages.find((s) => s.id === d.stageId);
        return {
          stage: stage?.position ?? 0,
          role: stage?.role ?? "",
          approver: nameOf(d.approverId),
          delegate: d.actorId !== d.approverId ? nameOf(d.actorId) : null,
          action: d.action,
          conditions: d.conditions,
          expiresOn: d.expiresOn,
          reason: d.reason,
          decidedAt: d.decidedAt.toISOString(),
        };
      }),
      closedAt: r.closedAt?.toISOString() ?? null,
      conditions: r.status === "approved" ? approvals.filter((d) => d.conditions).map((d) => d.conditions!) : [],
      expiresOn: r.status === "approved" ? earliest(approvals.map((d) => d.expiresOn)) : null,
      inWriting: r.inWriting,
      disclosureRequired: r.disclosureRequired,
    };
  });
}

const CSV_COLUMNS: Array<[header: string, cell: (e: RegisterEntry) => string | number | boolean | null]> = [
  ["register", (e) => e.register],
  ["reference", (e) => e.reference],
  ["status", (e) => e.status],
  ["topic", (e) => e.topicId],
  ["clause", (e) => e.clauseId],
  ["requested_at", (e) => e.requestedAt],
  ["requester", (e) => e.requester.name],
  ["requester_id", (e) => e.requester.id],
  ["waiver_for", (e) => e.subject?.name ?? null],
  ["involved", (e) => e.involved.map((p) => p.name).join("; ")],
  ["summary", (e) => e.summary],
  ["amount", (e) => e.amount],
  ["currency", (e) => e.currency],
  ["giver", (e) => e.giver],
  ["organisation", (e) => e.organisation],
  ["position", (e) => e.position],
  ["date", (e) => e.date],
  ["end_date", (e) => e.endDate],
  ["decided_by", (e) => e.decisions.map((d) => `${d.delegate ? `${d.delegate.name} for ` : ""}${d.approver.name} (${d.role}: ${d.action})`).join("; ")],
  ["closed_at", (e) => e.closedAt],
  ["conditions", (e) => e.conditions.join("; ")],
  ["expires_on", (e) => e.expiresOn],
  ["decline_reason", (e) => e.decisions.filter((d) => d.reason).map((d) => d.reason).join("; ")],
  ["in_writing", (e) => e.inWriting],
  ["disclosure_required", (e) => e.disclosureRequired],
];

/** RFC 4180 CSV with a header row; text that a spreadsheet would run as a formula is defused. */
export function registerCsv(entries: RegisterEntry[]): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(",")];
  for (const e of entries) lines.push(CSV_COLUMNS.map(([, cell]) => csvCell(cell(e))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function registerJson(entries: RegisterEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
