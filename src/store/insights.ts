// Reads for the dashboard: counts and dates only, never content or who.
import type { InsightReads } from "../core/insights/dashboard.ts";
import type { Db } from "./tx.ts";

export const askCountsSince = (db: Db, day: string) =>
  db.askStat.findMany({ where: { day: { gte: day } }, select: { day: true, clauseId: true, verdict: true, count: true } });

export const feedbackCountsSince = (db: Db, day: string) =>
  db.answerFeedback.findMany({ where: { day: { gte: day } }, select: { clauseId: true, helpful: true, notHelpful: true } });

export const caseDatesSince = (db: Db, since: Date) =>
  db.reportCase.findMany({
    where: { filedAt: { gte: since } },
    select: { category: true, filedAt: true, acknowledgeBy: true, acknowledgedAt: true, feedbackBy: true, feedbackAt: true },
  });

export const approvalDatesSince = (db: Db, since: Date) =>
  db.approvalRequest.findMany({ where: { createdAt: { gte: since } }, select: { register: true, status: true, createdAt: true, closedAt: true } });

/** The dashboard's port (core/insights/dashboard.ts) over Prisma. */
export const createInsightReads = (db: Db): InsightReads => ({
  askCountsSince: (day) => askCountsSince(db, day),
  feedbackCountsSince: (day) => feedbackCountsSince(db, day),
  caseDatesSince: (since) => caseDatesSince(db, since),
  approvalDatesSince: (since) => approvalDatesSince(db, since),
});
