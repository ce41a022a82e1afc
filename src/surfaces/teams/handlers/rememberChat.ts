import type { TurnContext } from "botbuilder";
import { aadObjectIdOf, isPersonal, storableReference } from "../activity.ts";
import type { TeamsDeps } from "../deps.ts";

/**
 * Before every turn in a 1:1 chat (the install's conversationUpdate, a message, a click): store
 * the person's conversation reference, so approvals and case messages can reach them later.
 * Refreshed each time, as Teams may move a chat to another serviceUrl.
 */
export function rememberPersonalChat(deps: Pick<TeamsDeps, "conversations">) {
  return async (context: TurnContext): Promise<boolean> => {
    const aadObjectId = aadObjectIdOf(context.activity);
    if (aadObjectId && isPersonal(context.activity)) {
      await deps.conversations.remember(aadObjectId, storableReference(context.activity));
    }
    return true;
  };
}
