import { ActivityTypes, type TurnContext } from "botbuilder";
import type { Application } from "@microsoft/teams-ai";
import type { Logger } from "../../log.ts";
import { MESSAGES } from "./cards/messages.ts";
import type { ActivityClaims } from "./dedup.ts";

/** "refused": not run at all (an activity from a tenant this bot does not serve). */
export type TurnOutcome = "handled" | "duplicate" | "failed" | "refused";

/**
 * Tells the person something instead of running the turn: a message for a message, the answer a
 * dialog step (a task response) or a card action (an Adaptive Card invoke response) expects.
 */
export async function answer(context: TurnContext, text: string): Promise<void> {
  const { activity } = context;
  if (activity.type === ActivityTypes.Message) {
    await context.sendActivity(text);
    return;
  }
  if (activity.type !== ActivityTypes.Invoke) return;
  const body = activity.name?.startsWith("task/")
    ? { task: { type: "message", value: text } }
    : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/**
 * Runs one turn through the Application, at most once per activity: a redelivered activity is
 * acknowledged and dropped. A failed turn is logged (error type only, never the text), its
 * claim released so a retry is handled, and the person told something went wrong. Never throws.
 */
export function turnRunner(app: Application, claims: ActivityClaims, logger: Logger) {
  return async (context: TurnContext): Promise<TurnOutcome> => {
    const { activity } = context;
    const about = { activityType: activity.type, activityName: activity.name, activityId: activity.id };
    let claimed = false;
    try {
      if (!(await claims.claim(activity))) {
        logger.info(about, "teams: activity already handled, skipped");
        if (activity.type === ActivityTypes.Invoke) await answer(context, MESSAGES.alreadyHandled);
        return "duplicate";
      }
      claimed = true;
      await app.run(context);
      return "handled";
    } catch (error) {
      const err = error as { name?: string; statusCode?: number; code?: string };
      logger.error({ ...about, err: { type: err?.name, statusCode: err?.statusCode, code: err?.code } }, "teams: turn failed");
      if (claimed) await claims.release(activity).catch(() => {});
      if (activity.type === ActivityTypes.Message) await context.sendActivity(MESSAGES.failed).catch(() => {});
      return "failed";
    }
  };
}
