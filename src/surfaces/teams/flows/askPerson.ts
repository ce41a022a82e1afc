import { TeamsInfo, type TurnContext } from "botbuilder";
import type { PlatformLookup } from "../../../core/directory/enrol.ts";
import type { DirectoryService } from "../../../core/directory/service.ts";
import { askPerson } from "../../../interactions/askPerson.ts";
import { replyActivity } from "../cards/deliver.ts";
import { peopleToAskCard } from "../cards/people.ts";
import type { Interaction, Reply } from "../deps.ts";

/**
 * The person's account from Teams (the connector's member lookup): name, email, and whether it
 * is a guest's. Another tenant's never gets here (the endpoint refuses its activities).
 */
export function teamsLookup(context: TurnContext): PlatformLookup {
  return async () => {
    const member = await TeamsInfo.getMember(context, context.activity.from.id).catch(() => null);
    const email = member?.email || member?.userPrincipalName;
    if (!member || !email) return null;
    return { name: member.name ?? "", email, guest: member.userRole === "guest" };
  };
}

export const SENT_PRIVATELY = "I've sent you who to ask in our 1:1 chat.";

/**
 * "Ask a person": the asker's supervisor and the officers, from the directory (section 15),
 * sent only to the asker (in a channel, to their 1:1 chat).
 */
export function askPersonFlow(directory: DirectoryService) {
  return async (interaction: Interaction): Promise<Reply> => {
    const me = await interaction.sender();
    await interaction.replyPrivately(replyActivity(peopleToAskCard(await askPerson(directory, me.person ? me : null))));
    return SENT_PRIVATELY;
  };
}
