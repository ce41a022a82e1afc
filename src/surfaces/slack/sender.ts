import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import { z } from "zod";
import type { DirectoryService } from "../../core/directory/service.ts";
import { NOT_SAVED } from "../../interactions/reply.ts";
import type { Logger } from "../../log.ts";
import { identify, NOT_IDENTIFIED, type Identified, type NotIdentified } from "./services.ts";

/** The directory person acting in this request, looked up at most once (on first use). */
export type Sender = () => Promise<Identified | NotIdentified>;

/** Who sent a payload: a click, view or shortcut (`user.id`), a command (`user_id`), an event (`event.user`). */
const senderSchema = z.union([
  z.object({ user: z.object({ id: z.string().min(1) }) }).transform((b) => b.user.id),
  z.object({ user_id: z.string().min(1) }).transform((b) => b.user_id),
  z.object({ event: z.object({ user: z.string().min(1) }) }).transform((b) => b.event.user),
]);

/**
 * The one identify step of the Slack surface, as bolt-js fills `context` (authorize does the
 * bot's identity): `context.sender` resolves the request's Slack user to a directory person the
 * first time a listener asks, so requests that need no one (a question) cost no lookup. A database
 * failure is told as "not saved", never left unanswered.
 */
export function identifySender(directory: DirectoryService, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, client, context, next }) => {
    const userId = senderSchema.safeParse(body);
    if (userId.success) {
      let found: Promise<Identified | NotIdentified> | undefined;
      const sender: Sender = () =>
        (found ??= identify(directory, client, userId.data).catch((error: unknown): NotIdentified => {
          logger.error({ err: { type: (error as Error)?.name } }, "could not identify the person acting");
          return { person: null, why: NOT_SAVED };
        }));
      context.sender = sender;
    }
    await next();
  };
}

/** The request's sender, as identifySender set it; without a directory, no one can be identified. */
export const senderIn = (context: Context): Sender => (context.sender as Sender | undefined) ?? (() => Promise.resolve({ person: null, why: NOT_IDENTIFIED }));
