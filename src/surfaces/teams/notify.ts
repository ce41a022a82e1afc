import type { Activity, ConversationReference } from "botbuilder";
import type { Person } from "../../core/directory/types.ts";
import type { Logger } from "../../log.ts";
import { RetryLater, type OutboxMessage } from "../../store/outbox.ts";
import type { NotificationChannel } from "../../worker.ts";
import { replyActivity } from "./cards/deliver.ts";
import type { Card } from "./cards/elements.ts";
import { approvalNotificationCard, handlerNotificationCard, reporterNotificationCard } from "./cards/notifications.ts";
import type { ApprovalCards } from "./approvalCards.ts";
import { withAutoRefresh } from "./cards/refresh.ts";
import type { TeamsConversations } from "./conversations.ts";
import type { TeamsCores } from "./cores.ts";

export interface TeamsChannelOptions {
  conversations: TeamsConversations;
  /** The surface's proactive send: where the activity went, or false when there is no stored 1:1 chat. */
  sendToPerson(aadObjectId: string, activity: Partial<Activity>): Promise<SentActivity | false>;
  cores: TeamsCores;
  logger: Logger;
  /** Approval cards already sent, edited in place when the request changes. */
  approvalCards?: ApprovalCards;
}

export interface SentActivity {
  /** The id the connector gave the activity (absent if it gave none). */
  activityId?: string;
  reference: Partial<ConversationReference>;
}

/** Approval notifications that only change the state of cards the person already has: those cards are edited instead. */
const REDRAW_ONLY = new Set(["approval.closed", "approval.withdrawn"]);

const UNREACHABLE_RETRY_MS = 15 * 60_000;

/**
 * Delivers outbox notifications as proactive 1:1 cards in Teams to people whose chat with the bot
 * is stored (they installed the app or wrote to it). Case cards are content-free; approval cards
 * show the request as the recipient may see it, with the buttons they may use.
 */
export function createTeamsNotificationChannel(options: TeamsChannelOptions): NotificationChannel {
  const { conversations, cores, logger } = options;

  const namesOf = async (ids: unknown[]): Promise<(id: unknown) => string> => {
    const names = new Map<string, string>();
    for (const id of ids) {
      if (typeof id === "string" && !names.has(id)) names.set(id, (await cores.directory.get(id))?.name ?? "someone no longer in the directory");
    }
    return (id) => (typeof id === "string" ? (names.get(id) ?? "someone") : "someone");
  };

  async function render(person: Person, message: OutboxMessage): Promise<Card> {
    const payload = (message.payload ?? {}) as Record<string, unknown>;
    if (message.kind.startsWith("case.reporter.")) {
      const notice = cores.cases?.openReporterNotice(message);
      if (!notice) throw new Error("a reporter notification could not be opened (report keys missing or changed?)");
      return reporterNotificationCard(notice, message.id);
    }
    if (message.kind.startsWith("case.")) {
      const rendered = handlerNotificationCard(message.kind, payload);
      if (!rendered) throw new Error(`no Teams rendering for ${message.kind}`);
      return rendered;
    }
    if (message.kind.startsWith("approval.")) {
      const requestId = (payload.request as { requestId?: unknown } | undefined)?.requestId;
      const view = typeof requestId === "string" && cores.approvals ? await cores.approvals.get(requestId, person.id) : null;
      const nameOf = await namesOf([payload.requesterId, payload.askedById, payload.onBehalfOf, payload.subjectId, payload.personId]);
      const rendered = approvalNotificationCard(message.kind, payload, view, nameOf);
      if (!rendered) throw new Error(`no Teams rendering for ${message.kind}`);
      return rendered;
    }
    throw new Error(`no Teams rendering for ${message.kind}`);
  }

  return {
    name: "teams",
    async canReach(person) {
      return Boolean(person.teamsId) && (await conversations.find(person.teamsId!)) !== null;
    },
    async send(person, message) {
      try {
        const tracked = options.approvalCards;
        const requestId = message.kind.startsWith("approval.") ? requestIdOf(message.payload) : undefined;
        if (requestId && tracked && REDRAW_ONLY.has(message.kind)) {
          if ((await tracked.refresh(requestId, { personId: person.id })) > 0) return;
        }
        const card = withAutoRefresh(await render(person, message), (await conversations.find(person.teamsId!))?.user?.id);
        const sent = await options.sendToPerson(person.teamsId!, replyActivity(card));
        if (!sent) throw new RetryLater("no Teams chat with the recipient yet", UNREACHABLE_RETRY_MS);
        if (requestId && tracked && sent.activityId && sent.reference.conversation?.id) {
          // Only cards that show the request (with a refresh action) are edited later; notices stay as sent.
          if (card.refresh) await tracked.track(requestId, { conversationId: sent.reference.conversation.id, activityId: sent.activityId, personId: person.id, reference: sent.reference });
          // Their earlier cards about the request lose buttons that no longer apply.
          await tracked.refresh(requestId, { personId: person.id, except: sent.activityId });
        }
      } catch (error) {
        const mapped = deliveryError(error);
        logger.warn({ kind: message.kind, attempt: message.attempts, error: mapped.message }, "Teams delivery failed");
        throw mapped;
      }
    },
  };
}

function requestIdOf(payload: unknown): string | undefined {
  const id = ((payload ?? {}) as { request?: { requestId?: unknown } }).request?.requestId;
  return typeof id === "string" && id ? id : undefined;
}

/**
 * A Bot Connector failure as the outbox should see it: 429 → RetryLater after Retry-After;
 * 5xx, timeouts and network errors → RetryLater with backoff; anything else as a plain error
 * (class and status only: never content).
 */
export function deliveryError(error: unknown): Error {
  if (error instanceof RetryLater) return error;
  const err = error as { statusCode?: unknown; code?: unknown; name?: unknown; response?: { headers?: unknown }; headers?: unknown };
  const status = typeof err?.statusCode === "number" ? err.statusCode : undefined;
  if (status === 429) return new RetryLater("Teams rate limit (429)", retryAfterMs(err.response?.headers ?? err.headers));
  if (status !== undefined && status >= 500) return new RetryLater(`Teams unavailable (${status})`);
  const code = typeof err?.code === "string" ? err.code : "";
  if (status === undefined && (/TIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|EPIPE|REQUEST_SEND_ERROR/i.test(code) || err?.name === "AbortError" || err?.name === "TimeoutError")) {
    return new RetryLater(`Teams unreachable (${code || String(err?.name)})`);
  }
  return new Error(`Teams delivery failed${status !== undefined ? ` (${status})` : ""}: ${String(err?.name ?? "Error")}`);
}

/** Retry-After in ms (seconds or an HTTP date), from a headers object or a fetch-like Headers. */
function retryAfterMs(headers: unknown): number | undefined {
  let value: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === "function") value = (headers as { get(name: string): unknown }).get("retry-after");
  else if (headers && typeof headers === "object") {
    const record = headers as Record<string, unknown>;
    value = record["retry-after"] ?? record["Retry-After"];
    if (value === undefined && typeof (record as { rawHeaders?: unknown }).rawHeaders === "object") value = (record.rawHeaders as Record<string, unknown>)["retry-after"];
  }
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(value));
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
