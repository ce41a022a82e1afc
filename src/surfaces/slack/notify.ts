import { notificationDelivery } from "../../interactions/notify.ts";
import type { Logger } from "../../log.ts";
import type { OutboxMessage } from "../../core/notifications/outbox.ts";
import type { NotificationChannel } from "../../worker.ts";
import type { ApprovalMessages } from "./approvalMessages.ts";
import { z } from "zod";
import { openDm, postDm } from "./conversations.ts";
import { alreadyPosted, withOutboxId } from "./outboxPosts.ts";
import type { WebClient } from "./deps.ts";
import { approvalNotification, handlerNotification, reporterNotification } from "./render/notifications.ts";
import type { SlackCores } from "./services.ts";
import { deliveryError } from "./webErrors.ts";

export interface SlackChannelOptions {
  /** A client that does not wait out rate limits itself (rejectRateLimitedCalls, no retries): the outbox retries. */
  client: WebClient;
  cores: SlackCores;
  approvalMessages?: ApprovalMessages;
  /**
   * Re-publishes a person's App Home (by Slack user id) after a pass delivered something that
   * changed what it lists, so a Home tab left open is not stale: once per person per pass, however
   * many of their notifications went out. Failures only cost freshness: the DM is sent.
   */
  refreshHome?: (slackUserId: string) => Promise<void>;
  logger: Logger;
}

/**
 * Kinds whose change shows in the recipient's App Home ("Waiting for my approval", "My requests",
 * "My reports", "My cases"): after delivering one, their Home is re-published. Reminders, messages
 * and check-ins change nothing there, so they cost no views.publish.
 */
export const HOME_CHANGING_KINDS: ReadonlySet<string> = new Set([
  "approval.requested",
  "approval.escalated",
  "approval.info_requested",
  "approval.info_answered",
  "approval.stage_approved",
  "approval.approved",
  "approval.declined",
  "approval.closed",
  "approval.withdrawn",
  "approval.delegated",
  "case.assigned",
  "case.escalated",
  "case.notice_undelivered",
  "case.reporter.status_changed",
]);

const postedSchema = z.object({ ts: z.string().min(1) });

/** A case's notice to its handler (case.*, but not case.reporter.*: those go to the reporter). */
const isHandlerNotice = (kind: string) => kind.startsWith("case.") && !kind.startsWith("case.reporter.");

/** An escalation only alerting someone (a group stage kept its approvers) adds nothing to their Home. */
function changesHome(message: OutboxMessage): boolean {
  if (message.kind === "approval.escalated") return (message.payload as { asApprover?: unknown } | null)?.asApprover === true;
  return HOME_CHANGING_KINDS.has(message.kind);
}

/**
 * Delivers outbox notifications as Slack DMs to people with a Slack id (src/interactions/notify.ts
 * decides what each shows and whether to post or redraw). Approval DMs are remembered, so every
 * later change re-draws them with chat.update.
 */
export function createSlackNotificationChannel(options: SlackChannelOptions): NotificationChannel {
  const { client, cores, logger } = options;

  const tracked = options.approvalMessages;
  const deliver = notificationDelivery<Parameters<typeof postDm>[2], { channel: string; ts: string; id: string }>(
    cores,
    { surface: "Slack", reporter: reporterNotification, handler: handlerNotification, approval: approvalNotification },
    {
      deliveryError,
      logger,
      post: async (person, dm, message) => {
        // A handler notice is posted once even when a replica died after posting it and before the
        // outbox marked it sent: it carries its outbox id, looked for before a second attempt.
        // Never a reporter's DM: an anonymous one carries no metadata at all.
        if (!isHandlerNotice(message.kind) || !dm.metadata) {
          const posted = await postDm(client, person.slackId!, dm);
          return { ...posted, id: posted.ts };
        }
        const channel = await openDm(client, person.slackId!);
        const earlier = message.attempts > 1 ? await alreadyPosted(client, channel, message.id) : undefined;
        if (earlier) return { channel, ts: earlier.ts, id: earlier.ts };
        const posted = postedSchema.parse(await client.chat.postMessage({ channel, ...dm, metadata: withOutboxId(dm.metadata, message.id) }));
        return { channel, ts: posted.ts, id: posted.ts };
      },
      ...(tracked
        ? {
            copies: {
              track: (requestId, person, posted) => tracked.track(requestId, { channel: posted.channel, ts: posted.ts, personId: person.id }),
              refresh: (requestId, refreshOptions) => tracked.refresh(client, requestId, refreshOptions),
            },
          }
        : {}),
    },
  );

  const homesToRefresh = new Set<string>();
  return {
    name: "slack",
    canReach: (person) => Boolean(person.slackId),
    async send(person, message) {
      await deliver(person, message);
      // Delivered: never throw from here on, or the outbox would send the DM again.
      if (changesHome(message)) homesToRefresh.add(person.slackId!);
    },
    async afterPass() {
      const userIds = [...homesToRefresh];
      homesToRefresh.clear();
      if (!options.refreshHome) return;
      await Promise.all(
        userIds.map((userId) => options.refreshHome!(userId).catch((error: unknown) => logger.warn({ err: { type: (error as Error)?.name } }, "could not refresh App Home"))),
      );
    },
  };
}
