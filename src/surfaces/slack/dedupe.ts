import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "../../log.ts";
import type { ProcessedEvents } from "../../core/processedEvents.ts";
import { eventEnvelopeSchema, postIdentitySchema } from "./payloads.ts";

/** The key of one Events API delivery; a retry (X-Slack-Retry-Num) carries the same event_id. */
export const eventKey = (eventId: string) => `slack:event:${eventId}`;
/** The key of one post: a mention can arrive both as `message` and as `app_mention`. */
export const postKey = (channel: string, ts: string) => `slack:post:${channel}:${ts}`;

/**
 * Bolt does not de-duplicate. Every event is claimed by its event_id, and a person's post also
 * by (channel, ts), in the ProcessedEvent table: the first claim wins on every replica, later
 * deliveries stop here. Commands and clicks pass through (Slack does not retry them).
 */
export function dedupeEvents(events: ProcessedEvents, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (!envelope.success) return next();
    const { event_id: eventId, event } = envelope.data;
    const post = postIdentitySchema.safeParse(event);
    const keys = post.success ? [eventKey(eventId), postKey(post.data.channel, post.data.ts)] : [eventKey(eventId)];
    if (!(await events.claim(keys))) {
      logger.debug({ eventId, retryNum: context.retryNum }, "skipped an event or post already handled");
      return;
    }
    await next();
  };
}
