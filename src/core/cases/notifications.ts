/**
 * Notifications the cases core puts in the outbox (src/core/cases/store.ts: Outbox), in the transaction of the
 * change. They never carry report content, message text or the reporter's identity: a surface
 * renders "a new case was assigned to you" with a button that opens the case through the service.
 *
 * To handlers (recipientId = the handler's person id), payload in the clear:
 *   case.assigned          { caseId, caseNumber, priority, reason: "routing" | "reassign" | "undelivered" }
 *   case.reporter_replied  { caseId, caseNumber, messageId }   the reporter wrote in the thread
 *   case.deadline_reminder { caseId, caseNumber, deadline: "acknowledge" | "feedback", due: ISO }
 *   case.deadline_missed   { caseId, caseNumber, deadline, due }  to the handlers who missed it
 *   case.escalated         { caseId, caseNumber, deadline, due }  to the ethics officer (or Audit
 *                          Committee, or Board) now added as handler because a deadline was missed
 *   case.notice_undelivered { caseId, caseNumber, hours, reassigned }  to the ethics officer: a notice
 *                          to a handler was not delivered within `hours` (see undelivered.ts)
 *
 * To the reporter: recipientId is SEALED_RECIPIENT and the payload { ref } only: `ref` seals who
 * it is for and what it says with the report keys, bound to the row's id and kind, so the outbox
 * table never names the reporter of a case (nor links a person to the instant of a case event).
 * The worker and the surfaces open it with `service.openReporterNotice(message)`:
 *   case.reporter.filed              → { caseNumber, receipt, showTypedMessageNotice }  the receipt, owed at once
 *   case.reporter.message            → { caseNumber, messageId }      a handler wrote to you
 *   case.reporter.status_changed     → { caseNumber, status, outcome } (acknowledged, investigating, closed)
 *   case.reporter.retaliation_checkin → { caseNumber, day }           "have you faced retaliation?" (30/90)
 * Each also says whether the case is `anonymous`: then a surface posts only a neutral "private
 * update" with a button carrying the row's id, and shows the notice in a view that is not chat
 * history (service.privateUpdate), since workspace admins can export DMs.
 */
import { randomUUID } from "node:crypto";
import type { Keyring } from "../crypto/keyring.ts";
import type { Clock } from "../clock.ts";
import { SEALED_RECIPIENT, type CaseDb } from "./store.ts";
import type { CaseContext } from "./context.ts";
import type { CaseOutcome, CaseStatus, Priority, Receipt } from "./types.ts";

export const HANDLER_KINDS = {
  assigned: "case.assigned",
  reporterReplied: "case.reporter_replied",
  deadlineReminder: "case.deadline_reminder",
  deadlineMissed: "case.deadline_missed",
  escalated: "case.escalated",
  noticeUndelivered: "case.notice_undelivered",
} as const;

export const REPORTER_KINDS = {
  filed: "case.reporter.filed",
  message: "case.reporter.message",
  statusChanged: "case.reporter.status_changed",
  retaliationCheckin: "case.reporter.retaliation_checkin",
} as const;

export type Deadline = "acknowledge" | "feedback";

export interface HandlerPayloads {
  "case.assigned": { caseId: string; caseNumber: string; priority: Priority; reason: "routing" | "reassign" | "undelivered" };
  "case.reporter_replied": { caseId: string; caseNumber: string; messageId: string };
  "case.deadline_reminder": { caseId: string; caseNumber: string; deadline: Deadline; due: string };
  "case.deadline_missed": { caseId: string; caseNumber: string; deadline: Deadline; due: string };
  "case.escalated": { caseId: string; caseNumber: string; deadline: Deadline; due: string };
  "case.notice_undelivered": { caseId: string; caseNumber: string; hours: number; reassigned: boolean };
}

/** `anonymous`: the case's mode; its notices then never appear in chat history (see above). */
export type ReporterNotice = { anonymous: boolean } & (
  | { kind: "case.reporter.filed"; caseNumber: string; receipt: Receipt; showTypedMessageNotice: boolean }
  | { kind: "case.reporter.message"; caseNumber: string; messageId: string }
  | { kind: "case.reporter.status_changed"; caseNumber: string; status: CaseStatus; outcome: CaseOutcome | null }
  | { kind: "case.reporter.retaliation_checkin"; caseNumber: string; day: number }
);

type Distribute<T> = T extends { kind: infer K } ? { kind: K } & Omit<T, "kind"> : never;

export async function notifyHandlers<K extends keyof HandlerPayloads>(
  tx: CaseDb,
  clock: Clock,
  recipients: readonly string[],
  kind: K,
  payload: HandlerPayloads[K],
): Promise<void> {
  for (const recipientId of recipients) await tx.outbox.enqueue({ recipientId, kind, payload: { ...payload } }, clock);
}

const noticeAad = (kind: string, messageId: string) => `notice:${kind}:${messageId}`;
/** Rows written before recipients were sealed: bound to the recipient in the clear. */
const legacyNoticeAad = (kind: string, recipientId: string) => `notice:${kind}:${recipientId}`;

/** What sealing and timing a reporter notice needs (a CaseContext has it). */
export type ReporterNoticeDeps = Pick<CaseContext, "clock" | "keyring" | "anonymousNoticeDelayMs">;

/**
 * Seals a notice to the reporter and enqueues it; its id opens it later (a private update). An
 * anonymous reporter's notice waits a random while: the neutral DM it becomes would otherwise land
 * in a chat export at the same second as the handler's "Case C-… was assigned to you", pairing the
 * reporter with the case by time alone.
 */
export async function notifyReporter(tx: CaseDb, ctx: ReporterNoticeDeps, reporterId: string, notice: Distribute<ReporterNotice>): Promise<string> {
  const { kind, ...data } = notice;
  const id = randomUUID();
  const ref = ctx.keyring.seal(JSON.stringify({ ...data, recipientId: reporterId }), noticeAad(kind, id));
  const delayMs = notice.anonymous ? ctx.anonymousNoticeDelayMs() : 0;
  const notBefore = delayMs > 0 ? new Date(ctx.clock.now().getTime() + delayMs) : undefined;
  await tx.outbox.enqueue({ id, recipientId: SEALED_RECIPIENT, kind, payload: { ref }, ...(notBefore ? { notBefore } : {}) }, ctx.clock);
  return id;
}

/** The sealed data as JSON gives it back: dates revived, and notices sealed before modes were recorded treated as anonymous (the safe side). */
function revive(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  const revived: Record<string, unknown> = { kind, ...data, anonymous: data.anonymous !== false };
  const receipt = data.receipt as Record<string, unknown> | undefined;
  if (kind === REPORTER_KINDS.filed && receipt) revived.receipt = { ...receipt, filedAt: new Date(String(receipt.filedAt)), acknowledgeBy: new Date(String(receipt.acknowledgeBy)) };
  return revived;
}

/** A reporter notification, opened: what it says and (sealed in the row) who it is for. */
export type OpenedReporterNotice = ReporterNotice & { recipientId: string };

/** Opens a reporter notification's sealed ref; null if it is not one, or was altered or moved. */
export function openReporterNotice(keyring: Keyring, message: { id: string; recipientId: string; kind: string; payload: unknown }): OpenedReporterNotice | null {
  const ref = (message.payload as { ref?: unknown } | null)?.ref;
  if (!Object.values(REPORTER_KINDS).includes(message.kind as never) || typeof ref !== "string") return null;
  const open = (aad: string): Record<string, unknown> | null => {
    try {
      return JSON.parse(keyring.open(ref, aad)) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const opened = open(noticeAad(message.kind, message.id));
  if (opened && typeof opened.recipientId === "string") return revive(message.kind, opened) as OpenedReporterNotice;
  const legacy = message.recipientId === SEALED_RECIPIENT ? null : open(legacyNoticeAad(message.kind, message.recipientId));
  return legacy ? (revive(message.kind, { ...legacy, recipientId: message.recipientId }) as OpenedReporterNotice) : null;
}
