import type { ApprovalService, ApprovalView } from "../core/approvals/index.ts";

/**
 * The copies of an approval request the bot posted (to its approvers, its requester), written once
 * for every surface: each is remembered where it was posted, and after every change each is drawn
 * again as its reader may now see it (who decided, only the buttons they may still use). Where a
 * message lives and how it is redrawn are the surface's; which copies, for whom and in what order
 * are here.
 */

/** A message the bot posted to a person: `id` names it on its platform (a Slack ts, a Teams activity id), `where` is the rest of its address. */
export interface SentMessage<Where> {
  personId: string;
  id: string;
  where: Where;
}

/** Where a surface's posted messages are remembered (a store port), by subject, oldest first. */
export interface SentMessages<Where> {
  remember(subject: string, message: SentMessage<Where>, at: Date): Promise<void>;
  about(subject: string, personId?: string): Promise<Array<SentMessage<Where>>>;
}

/** Draws the request as `view` in place of a posted message. */
export type Redraw<Where> = (message: SentMessage<Where>, view: ApprovalView) => Promise<void>;

export interface ApprovalCopies<Where> {
  /** Remembers a message showing the request, so later changes redraw it. */
  track(requestId: string, message: SentMessage<Where>): Promise<void>;
  /**
   * Redraws every remembered copy of the request (or only one person's, less the one `except`
   * names) as its reader sees it now. Returns how many were redrawn; one that cannot be (deleted,
   * chat gone) is logged and does not stop the others.
   */
  refresh(requestId: string, redraw: Redraw<Where>, options?: { personId?: string; except?: string }): Promise<number>;
}

export interface ApprovalCopiesOptions<Where> {
  messages: SentMessages<Where>;
  approvals: Pick<ApprovalService, "get">;
  now(): Date;
  logger: { warn(details: object, message: string): void };
}

const subjectOf = (requestId: string) => `approval:${requestId}`;

export function approvalCopies<Where>(options: ApprovalCopiesOptions<Where>): ApprovalCopies<Where> {
  const { messages, approvals, logger } = options;
  return {
    track: (requestId, message) => messages.remember(subjectOf(requestId), message, options.now()),
    async refresh(requestId, redraw, { personId, except } = {}) {
      let redrawn = 0;
      for (const message of await messages.about(subjectOf(requestId), personId)) {
        if (message.id === except) continue;
        const view = await approvals.get(requestId, message.personId);
        if (!view) continue;
        try {
          await redraw(message, view);
          redrawn++;
        } catch (error) {
          const status = (error as { statusCode?: unknown })?.statusCode;
          logger.warn({ requestId, status: typeof status === "number" ? status : undefined, error: (error as Error)?.name }, "could not redraw an approval message");
        }
      }
      return redrawn;
    },
  };
}
