import type { ApprovalService } from "../../core/approvals/service.ts";
import type { Clock } from "../../core/clock.ts";
import { approvalCopies, type SentMessages } from "../../interactions/sentCopies.ts";
import type { WebClient } from "./deps.ts";
import { approvalCard } from "./render/approvals.ts";

/** Where a Slack message is, besides its ts (the id). */
export interface SlackWhere {
  channel: string;
}

export interface ApprovalMessages {
  /** Remembers a DM showing the request, so later changes re-draw it. */
  track(requestId: string, message: { channel: string; ts: string; personId: string }): Promise<void>;
  /**
   * Re-draws every remembered DM of the request (or only one person's) as its reader sees it now:
   * who decided, and only the buttons they may still use. Returns how many were updated.
   */
  refresh(client: WebClient, requestId: string, options?: { personId?: string; except?: string }): Promise<number>;
}

/** The request's DMs (src/interactions/sentCopies.ts), redrawn with chat.update by the client at hand. */
export function approvalMessages(messages: SentMessages<SlackWhere>, approvals: ApprovalService, clock: Clock, logger: { warn(details: object, message: string): void }): ApprovalMessages {
  const copies = approvalCopies({ messages, approvals, now: () => clock.now(), logger });
  return {
    track: (requestId, { channel, ts, personId }) => copies.track(requestId, { personId, id: ts, where: { channel } }),
    refresh: (client, requestId, options) =>
      copies.refresh(requestId, async (message, view) => void (await client.chat.update({ channel: message.where.channel, ts: message.id, ...approvalCard(view) })), options),
  };
}
