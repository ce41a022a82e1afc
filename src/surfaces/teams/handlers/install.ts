import type { TurnContext } from "botbuilder";
import { isPersonal } from "../activity.ts";
import { replyActivity } from "../cards/deliver.ts";
import { welcomeCard } from "../cards/messages.ts";
import type { TeamsDeps } from "../deps.ts";

/**
 * conversationUpdate (membersAdded): the bot was installed. In a 1:1 chat the person gets a
 * welcome (their conversation reference is stored by rememberPersonalChat); in a team or group
 * chat the bot stays quiet until mentioned.
 */
export function onMembersAdded(deps: Pick<TeamsDeps, "logger">) {
  return async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
    if (!botAdded) return;
    deps.logger.info({ conversationType: activity.conversation.conversationType ?? "personal" }, "teams: bot installed");
    if (isPersonal(activity)) await context.sendActivity(replyActivity(welcomeCard()));
  };
}
