import type { Activity, ConversationReference } from "botbuilder";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { Logger } from "../../log.ts";
import type { PrismaClient } from "../../store/db.ts";
import { approvalCard } from "./cards/approvals.ts";
import { replyActivity } from "./cards/deliver.ts";
import { withAutoRefresh } from "./cards/refresh.ts";
import { parseStoredReference } from "./conversations.ts";

const subjectOf = (requestId: string) => `approval:${requestId}`;

/** A card the bot posted: where it is and who it was posted to. */
export interface SentCard {
  conversationId: string;
  activityId: string;
  personId: string;
  reference: Partial<ConversationReference>;
}

/** Replaces an activity the bot sent (PUT /v3/conversations/{id}/activities/{activityId}). */
export type UpdateActivity = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<void>;

export interface ApprovalCards {
  /** Remembers an approval card sent to someone, so later changes edit it in place. */
  track(requestId: string, card: SentCard): Promise<void>;
  /**
   * Edits every remembered card of the request (or only one person's) to show the request as its
   * reader may see it now: the decision, and only the buttons they may still use. Returns how many
   * were updated. One card that cannot be updated (deleted, chat gone) does not stop the others.
   */
  refresh(requestId: string, options?: { personId?: string; except?: string }): Promise<number>;
}

export function approvalCards(prisma: PrismaClient, approvals: ApprovalService, update: UpdateActivity, logger: Logger): ApprovalCards {
  return {
    async track(requestId, card) {
      await prisma.teamsMessage.createMany({
        data: [
          {
            conversationId: card.conversationId,
            activityId: card.activityId,
            personId: card.personId,
            subject: subjectOf(requestId),
            reference: JSON.parse(JSON.stringify(card.reference)) as object,
            createdAt: new Date(),
          },
        ],
        skipDuplicates: true,
      });
    },
    async refresh(requestId, options = {}) {
      const rows = await prisma.teamsMessage.findMany({
        where: { subject: subjectOf(requestId), ...(options.personId ? { personId: options.personId } : {}) },
        orderBy: [{ createdAt: "asc" }, { activityId: "asc" }],
      });
      let updated = 0;
      for (const row of rows) {
        if (row.activityId === options.except) continue;
        const reference = parseStoredReference(row.reference);
        if (!reference) continue;
        const view = await approvals.get(requestId, row.personId);
        if (!view) continue;
        const userId = reference.user?.id;
        const activity = { ...replyActivity(withAutoRefresh(approvalCard(view), userId)), id: row.activityId };
        try {
          await update(reference, activity);
          updated++;
        } catch (error) {
          const status = (error as { statusCode?: unknown })?.statusCode;
          logger.warn({ requestId, status: typeof status === "number" ? status : undefined, error: (error as Error)?.name }, "teams: could not update an approval card");
        }
      }
      return updated;
    },
  };
}
