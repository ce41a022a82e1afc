import type { Activity, ConversationReference } from "botbuilder";
import { notificationDelivery } from "../../interactions/notify.ts";
import type { Logger } from "../../log.ts";
import { RetryLater } from "../../core/notifications/outbox.ts";
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

const UNREACHABLE_RETRY_MS = 15 * 60_000;

/**
 * Delivers outbox notifications as proactive 1:1 cards in Teams to people whose chat with the bot
 * is stored (they installed the app or wrote to it); src/interactions/notify.ts decides what each
 * shows and whether to post or redraw. Approval cards are edited in place after later changes.
 */
export function createTeamsNotificationChannel(options: TeamsChannelOptions): NotificationChannel {
  const { conversations, cores, logger } = options;

  const tracked = options.approvalCards;
  const deliver = notificationDelivery<Card, SentActivity & { id?: string }>(
    cores,
    { surface: "Teams", reporter: reporterNotificationCard, handler: handlerNotificationCard, approval: approvalNotificationCard },
    {
      deliveryError,
      logger,
      async post(person, card) {
        const sent = await options.sendToPerson(person.teamsId!, replyActivity(withAutoRefresh(card, (await conversations.find(person.teamsId!))?.user?.id)));
        if (!sent) throw new RetryLater("no Teams chat with the recipient yet", UNREACHABLE_RETRY_MS);
        return { ...sent, ...(sent.activityId && sent.reference.conversation?.id ? { id: sent.activityId } : {}) };
      },
      ...(tracked
        ? {
            copies: {
              async track(requestId, person, sent, card) {
                // Only cards that show the request (with a refresh action) are edited later; notices stay as sent.
                if (card.refresh) await tracked.track(requestId, { conversationId: sent.reference.conversation!.id!, activityId: sent.activityId!, personId: person.id, reference: sent.reference });
              },
              refresh: (requestId, refreshOptions) => tracked.refresh(requestId, refreshOptions),
            },
          }
        : {}),
    },
  );

  return {
    name: "teams",
    async canReach(person) {
      return Boolean(person.teamsId) && (await conversations.find(person.teamsId!)) !== null;
    },
    send: deliver,
  };
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
