import { notificationDelivery } from "../../interactions/notify.ts";
import type { Logger } from "../../log.ts";
import type { OutboxMessage } from "../../core/notifications/outbox.ts";
import type { NotificationChannel } from "../../worker.ts";
import type { ApprovalMessages } from "./approvalMessages.ts";
import { z } from "zod";
import { openDm, type postDm } from "./conversations.ts";
import { alreadyPosted, findPosted, outboxMetadata, withOutboxId } from "./outboxPosts.ts";
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

const isReporterNotice = (kind: string) => kind.startsWith("case.reporter.");

/**
 * The post an earlier attempt at this notification made in the DM, if any. A handler's or
 * approver's carries its outbox id in the metadata (added to a case thread's own). A reporter's DM
 * says nothing more than it must, so it is found by what it already holds: an anonymous reporter's
 * "private update" by its Open button, whose value is the outbox id; a confidential reporter's by
 * its case and its words (two notices alike in both would say the same thing twice).
 */
async function earlierPost(client: WebClient, channel: string, message: { id: string; kind: string; createdAt?: Date | undefined }, dm: { text: string; blocks: unknown[]; metadata?: { event_payload?: Record<string, unknown> } }) {
  if (!isReporterNotice(message.kind)) return alreadyPosted(client, channel, message.id);
  const caseNumber = dm.metadata?.event_payload?.case;
  return findPosted(client, channel, (m) => (caseNumber ? m.metadata?.event_payload?.case === caseNumber && m.text === dm.text : opensUpdate(m.blocks, message.id)), message.createdAt);
}

const buttonsSchema = z.array(z.object({ type: z.string(), elements: z.array(z.object({ value: z.string().optional() }).passthrough()).optional() }).passthrough());

/** Whether blocks hold a button whose value is `updateId` (a private update's Open). */
function opensUpdate(blocks: unknown, updateId: string): boolean {
  const parsed = buttonsSchema.safeParse(blocks ?? []);
  return parsed.success && parsed.data.some((block) => block.type === "actions" && (block.elements ?? []).some((element) => element.value === updateId));
}

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
        // Posted once even when a replica died after posting it and before the outbox marked it
        // sent: a second attempt first looks for the first one's post in the DM (earlierPost).
        const channel = await openDm(client, person.slackId!);
        const earlier = message.attempts > 1 ? await earlierPost(client, channel, message, dm) : undefined;
        if (earlier) return { channel, ts: earlier.ts, id: earlier.ts };
        const metadata = isReporterNotice(message.kind) ? dm.metadata : dm.metadata ? withOutboxId(dm.metadata, message.id) : outboxMetadata(message.id);
        const posted = postedSchema.parse(await client.chat.postMessage({ channel, ...dm, ...(metadata ? { metadata } : {}) }));
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
