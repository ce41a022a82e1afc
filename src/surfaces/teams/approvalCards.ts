import type { Activity, ConversationReference } from "botbuilder";
import type { ApprovalService } from "../../core/approvals/service.ts";
import { approvalCopies, type SentMessages } from "../../interactions/sentCopies.ts";
import type { Logger } from "../../log.ts";
import { approvalCard } from "./cards/approvals.ts";
import { replyActivity } from "./cards/deliver.ts";
import { withAutoRefresh } from "./cards/refresh.ts";
import { parseStoredReference } from "./conversations.ts";

/** Where a Teams card is, besides its activity id: its conversation and how to reach it. */
export interface TeamsWhere {
  conversationId: string;
  reference: unknown;
}

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

/** The request's cards (src/interactions/sentCopies.ts), edited in place through the connector. */
export function approvalCards(messages: SentMessages<TeamsWhere>, approvals: ApprovalService, update: UpdateActivity, logger: Logger): ApprovalCards {
  const copies = approvalCopies({ messages, approvals, now: () => new Date(), logger });
  return {
    track: (requestId, { conversationId, activityId, personId, reference }) => copies.track(requestId, { personId, id: activityId, where: { conversationId, reference } }),
    refresh: (requestId, options) =>
      copies.refresh(
        requestId,
        async (message, view) => {
          const reference = parseStoredReference(message.where.reference);
          if (!reference) throw new Error("a stored conversation reference could not be read");
          await update(reference, { ...replyActivity(withAutoRefresh(approvalCard(view), reference.user?.id)), id: message.id });
        },
        options,
      ),
  };
}
