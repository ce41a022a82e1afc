import type { Db } from "./tx.ts";

/** How long rows that only serve de-duplication or delivery are kept (days; see config). */
export interface RetentionDays {
  /** processed_event: a platform redelivers within minutes, so a few days is plenty. */
  dedupe: number;
  /** outbox_message rows already sent (who was told what, and when). */
  sentOutbox: number;
  /** slack_message / teams_message: cards the bot may still update, once their approval is settled. */
  messageRegistry: number;
}

export interface PruneResult {
  processedEvents: number;
  sentOutbox: number;
  slackMessages: number;
  teamsMessages: number;
}

const DAY_MS = 86_400_000;
/** Approval states whose cards may still change; a registry row of one is kept however old. */
const OPEN_APPROVAL = `SELECT 1 FROM approval_request a WHERE a.status IN ('pending', 'info_requested') AND m.subject = 'approval:' || a.id`;

/**
 * Deletes what is no longer needed, so these tables do not grow for ever (and hold no more
 * delivery metadata than they must). Failed and pending outbox rows are never pruned.
 */
export async function pruneStore(prisma: Db, retention: RetentionDays, now: Date): Promise<PruneResult> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const processedEvents = (await prisma.processedEvent.deleteMany({ where: { processedAt: { lt: before(retention.dedupe) } } })).count;
  const sentOutbox = (await prisma.outboxMessage.deleteMany({ where: { status: "sent", sentAt: { lt: before(retention.sentOutbox) } } })).count;
  const registryCutoff = before(retention.messageRegistry);
  const slackMessages = await prisma.$executeRawUnsafe(
    `DELETE FROM slack_message m WHERE m.created_at < $1::timestamp AND NOT EXISTS (${OPEN_APPROVAL})`,
    registryCutoff,
  );
  const teamsMessages = await prisma.$executeRawUnsafe(
    `DELETE FROM teams_message m WHERE m.created_at < $1::timestamp AND NOT EXISTS (${OPEN_APPROVAL})`,
    registryCutoff,
  );
  return { processedEvents, sentOutbox, slackMessages, teamsMessages };
}
