import { RetryLater } from "../../core/notifications/outbox.ts";

/** Platform errors that mean "Slack is having trouble", worth retrying later. */
const TRANSIENT_API_ERRORS = new Set(["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"]);

interface SlackErrorLike {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
}

/**
 * A Web API failure as the outbox understands it: 429 → RetryLater after Retry-After; 5xx,
 * timeouts and unreachable Slack → RetryLater with backoff; anything else (a user Slack does not
 * know, invalid blocks) a plain error, retried with backoff until the outbox gives up. Messages
 * name the error only: never the request, which could carry text.
 */
export function deliveryError(error: unknown): Error {
  if (error instanceof RetryLater) return error;
  const e = (error ?? {}) as SlackErrorLike;
  switch (e.code) {
    case "slack_webapi_rate_limited_error": {
      const seconds = typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 30;
      return new RetryLater(`Slack rate limited (retry after ${seconds}s)`, seconds * 1000);
    }
    case "slack_webapi_http_error": {
      const status = typeof e.statusCode === "number" ? e.statusCode : 0;
      return status >= 500 || status === 408 ? new RetryLater(`Slack HTTP ${status}`) : new Error(`Slack HTTP ${status}`);
    }
    case "slack_webapi_request_error":
      return new RetryLater("Slack unreachable or timed out");
    case "slack_webapi_platform_error": {
      const apiError = typeof e.data?.error === "string" ? e.data.error.slice(0, 80) : "unknown";
      return TRANSIENT_API_ERRORS.has(apiError) ? new RetryLater(`Slack API error ${apiError}`) : new Error(`Slack API error ${apiError}`);
    }
    default:
      return error instanceof Error ? error : new Error("Slack delivery failed");
  }
}
