import type { Person } from "../../core/directory/types.ts";
import type { Logger } from "../../log.ts";
import type { OutboxMessage } from "../../store/outbox.ts";
import type { NotificationChannel } from "../../worker.ts";
import type { ApprovalMessages } from "./approvalMessages.ts";
import { postDm } from "./conversations.ts";
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

/** Approval kinds that change a request someone already has on screen: re-draw it rather than post again. */
const REDRAW_ONLY = new Set(["approval.closed", "approval.withdrawn"]);

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

/** An escalation only alerting someone (a group stage kept its approvers) adds nothing to their Home. */
function changesHome(message: OutboxMessage): boolean {
  if (message.kind === "approval.escalated") return (message.payload as { asApprover?: unknown } | null)?.asApprover === true;
  return HOME_CHANGING_KINDS.has(message.kind);
}

/**
 * Delivers outbox notifications as Slack DMs to people with a Slack id. Case notifications are
 * content-free (a case number and buttons); approval DMs show the request as the recipient may
 * see it and are remembered, so every later change re-draws them with chat.update.
 */
export function createSlackNotificationChannel(options: SlackChannelOptions): NotificationChannel {
  const { client, cores, logger } = options;

  const namesOf = async (ids: unknown[]): Promise<(id: string) => string> => {
    const names = new Map<string, string>();
    for (const id of ids) {
      if (typeof id === "string" && !names.has(id)) names.set(id, (await cores.directory.get(id))?.name ?? "someone no longer in the directory");
    }
    return (id) => names.get(id) ?? "someone";
  };

  async function deliverCase(person: Person, message: OutboxMessage): Promise<void> {
    if (message.kind.startsWith("case.reporter.")) {
      const notice = cores.cases?.openReporterNotice(message);
      if (!notice) throw new Error("a reporter notification could not be opened (report keys missing or changed?)");
      await postDm(client, person.slackId!, reporterNotification(notice, message.id));
      return;
    }
    const dm = handlerNotification(message.kind, (message.payload ?? {}) as Record<string, unknown>);
    if (!dm) throw new Error(`no Slack rendering for ${message.kind}`);
    await postDm(client, person.slackId!, dm);
  }

  async function deliverApproval(person: Person, message: OutboxMessage): Promise<void> {
    const payload = (message.payload ?? {}) as Record<string, unknown>;
    const requestId = (payload.request as { requestId?: unknown } | undefined)?.requestId;
    const tracked = options.approvalMessages;
    if (typeof requestId === "string" && REDRAW_ONLY.has(message.kind) && tracked) {
      if ((await tracked.refresh(client, requestId, { personId: person.id })) > 0) return;
    }
    const view = typeof requestId === "string" && cores.approvals ? await cores.approvals.get(requestId, person.id) : null;
    const nameOf = await namesOf([payload.requesterId, payload.askedById, payload.onBehalfOf, payload.subjectId, payload.personId]);
    const rendered = approvalNotification(message.kind, payload, view, nameOf);
    if (!rendered) throw new Error(`no Slack rendering for ${message.kind}`);
    const posted = await postDm(client, person.slackId!, rendered);
    if (typeof requestId === "string" && tracked) {
      await tracked.track(requestId, { ...posted, personId: person.id });
      // Their earlier DMs about the request lose buttons that no longer apply.
      await tracked.refresh(client, requestId, { personId: person.id, except: posted.ts });
    }
  }

  const homesToRefresh = new Set<string>();
  return {
    name: "slack",
    canReach: (person) => Boolean(person.slackId),
    async send(person, message) {
      try {
        if (message.kind.startsWith("case.")) await deliverCase(person, message);
        else if (message.kind.startsWith("approval.")) await deliverApproval(person, message);
        else throw new Error(`no Slack rendering for ${message.kind}`);
      } catch (error) {
        const mapped = deliveryError(error);
        logger.warn({ kind: message.kind, attempt: message.attempts, error: mapped.message }, "Slack delivery failed");
        throw mapped;
      }
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
