import type { ApprovalService } from "../../core/approvals/service.ts";
import type { Clock } from "../../core/clock.ts";
import type { PrismaClient } from "../../store/db.ts";
import { rememberSlackMessage, slackMessagesAbout } from "../../store/slackMessages.ts";
import type { WebClient } from "./deps.ts";
import { approvalCard } from "./render/approvals.ts";

const subjectOf = (requestId: string) => `approval:${requestId}`;

export interface ApprovalMessages {
  /** Remembers a DM showing the request, so later changes re-draw it. */
  track(requestId: string, message: { channel: string; ts: string; personId: string }): Promise<void>;
  /**
   * Re-draws every remembered DM of the request (or only one person's) as its reader sees it now:
   * who decided, and only the buttons they may still use. Returns how many were updated.
   */
  refresh(client: WebClient, requestId: string, options?: { personId?: string; except?: string }): Promise<number>;
}

export function approvalMessages(prisma: PrismaClient, approvals: ApprovalService, clock: Clock): ApprovalMessages {
  return {
    track: (requestId, message) => rememberSlackMessage(prisma, { ...message, subject: subjectOf(requestId) }, clock.now()),
    async refresh(client, requestId, options = {}) {
      let updated = 0;
      for (const ref of await slackMessagesAbout(prisma, subjectOf(requestId), options.personId)) {
        if (ref.ts === options.except) continue;
        const view = await approvals.get(requestId, ref.personId);
        if (!view) continue;
        await client.chat.update({ channel: ref.channel, ts: ref.ts, ...approvalCard(view) });
        updated++;
      }
      return updated;
    },
  };
}
