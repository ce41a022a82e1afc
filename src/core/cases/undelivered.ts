// A handler who never gets a notice (a Teams user who never opened the bot, someone on neither
// platform, a platform that keeps failing) must not leave a case unattended: after a while the
// notice is passed on to another handler, and the ethics officer is told.
import { SUBJECT, type CaseContext } from "./context.ts";
import { excludedPeople } from "./exclusions.ts";
import { HANDLER_KINDS, notifyHandlers } from "./notifications.ts";
import { activeHandlerIds, type CaseDb } from "./store.ts";

/** Who takes a case nobody else handles when its handler cannot be reached: as for a missed deadline. */
const FALLBACK_ORDER = ["ethics_officer", "audit_committee", "director"] as const;
/** Notices that give someone a case: if its only handler never got one, the case has no one. */
const GIVES_CASE = new Set<string>([HANDLER_KINDS.assigned, HANDLER_KINDS.escalated]);

/** Messages not delivered after this long count as undelivered (App Home, rerouting). */
export const cutoffOf = (ctx: CaseContext, afterMs: number) => new Date(ctx.clock.now().getTime() - afterMs);

/**
 * Passes on each handler notice still undelivered `afterMs` after it was written, once (on any
 * number of replicas): when it gave its recipient a case no one else handles, the first of the
 * ethics officer, the Audit Committee or the Board who is neither excluded nor that recipient
 * becomes a handler; the ethics officer (unless excluded or the recipient) is told. Returns how
 * many notices were passed on.
 */
export async function rerouteUndelivered(ctx: CaseContext, afterMs: number, batchSize = 20): Promise<number> {
  const due = await ctx.store.outbox.undeliveredIds(Object.values(HANDLER_KINDS), cutoffOf(ctx, afterMs), batchSize);
  let rerouted = 0;
  for (const id of due) {
    const done = await ctx.store.transaction(async (tx) => {
      // The claim: the first replica to mark it passes it on.
      const message = await tx.outbox.claimForReroute(id, ctx.clock.now());
      if (!message) return false;
      await passOn(tx, ctx, message.recipientId, message.kind, message.payload as Record<string, unknown>, Math.round(afterMs / 3_600_000));
      return true;
    });
    if (done) rerouted++;
  }
  return rerouted;
}

async function passOn(tx: CaseDb, ctx: CaseContext, unreachableId: string, kind: string, payload: Record<string, unknown>, hours: number): Promise<void> {
  const row = await tx.cases.find({ id: String(payload.caseId) });
  if (!row || row.status === "closed") return;
  const directory = tx.directory;
  const excluded = await excludedPeople(directory, ctx.keyring, row);
  const eligible = (id: string) => !excluded.has(id) && id !== unreachableId;
  const others = activeHandlerIds(row).filter((id) => id !== unreachableId);

  let added: string[] = [];
  if (GIVES_CASE.has(kind) && !others.length) {
    for (const role of FALLBACK_ORDER) {
      added = (await directory.holdersOf(role)).map((p) => p.id).filter(eligible);
      if (added.length) break;
    }
    const now = ctx.clock.now();
    for (const personId of added) await tx.cases.addHandler(row.id, personId, "undelivered", now);
    const priority = row.priority as "normal" | "high";
    await notifyHandlers(tx, ctx.clock, added, HANDLER_KINDS.assigned, { caseId: row.id, caseNumber: row.number, priority, reason: "undelivered" });
  }
  // The ethics officer hears of it, unless they are excluded, the one not reached, or just given the case.
  const officers = (await directory.holdersOf("ethics_officer")).map((p) => p.id).filter((id) => eligible(id) && !added.includes(id));
  await notifyHandlers(tx, ctx.clock, officers, HANDLER_KINDS.noticeUndelivered, { caseId: row.id, caseNumber: row.number, hours, reassigned: added.length > 0 });
  await tx.audit.append({ actor: "system", action: "case.notice_undelivered", subjectType: SUBJECT, subjectId: row.id, details: { kind, to: added, told: officers } }, ctx);
  if (!added.length && !others.length && GIVES_CASE.has(kind)) ctx.logger.warn({ caseNumber: row.number }, "a handler notice was not delivered and no one else can take the case");
}

/** For an ethics officer: how many messages (to anyone) are still undelivered after `afterMs`; null for anyone else. */
export async function undeliveredCount(ctx: CaseContext, actorId: string, afterMs: number): Promise<number | null> {
  const officers = await ctx.directory.holdersOf("ethics_officer");
  if (!officers.some((p) => p.id === actorId)) return null;
  return ctx.store.outbox.countUndelivered(cutoffOf(ctx, afterMs));
}
