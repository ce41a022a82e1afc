import { z } from "zod";
import type { PlatformLookup } from "../../../core/directory/enrol.ts";
import type { DirectoryService } from "../../../core/directory/service.ts";
import { askPerson } from "../../../interactions/askPerson.ts";
import type { Interaction, WebClient } from "../deps.ts";
import { peopleToAskMessage } from "../render/people.ts";

const userInfoSchema = z.object({
  user: z.object({
    real_name: z.string().optional(),
    team_id: z.string().optional(),
    enterprise_user: z.object({ enterprise_id: z.string().optional() }).passthrough().optional(),
    deleted: z.boolean().optional(),
    is_restricted: z.boolean().optional(),
    is_ultra_restricted: z.boolean().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional() }).passthrough(),
  }),
});
const authTestSchema = z.object({ team_id: z.string().optional(), enterprise_id: z.string().nullish() });

/**
 * The person's account from Slack (users.info; needs `users:read` and `users:read.email`): name,
 * email, and what the directory checks: their workspace (and Grid org) against the bot's own
 * (auth.test), guest and deactivated. Only asked for a user id the directory does not know yet.
 */
export function slackLookup(client: WebClient, userId: string): PlatformLookup {
  return async () => {
    const info = userInfoSchema.safeParse(await client.users.info({ user: userId }).catch(() => null));
    const email = info.success ? info.data.user.profile.email : undefined;
    if (!info.success || !email) return null;
    const { user } = info.data;
    const bot = authTestSchema.safeParse(await client.auth.test().catch(() => null));
    const ids = (...values: Array<string | null | undefined>) => values.filter((v): v is string => Boolean(v));
    return {
      name: user.real_name ?? user.profile.real_name ?? "",
      email,
      deactivated: user.deleted === true,
      guest: user.is_restricted === true || user.is_ultra_restricted === true,
      organisations: ids(user.team_id, user.enterprise_user?.enterprise_id),
      // Unknown (auth.test failed): refused as another organisation's rather than let through.
      home: bot.success ? ids(bot.data.team_id, bot.data.enterprise_id) : [],
    };
  };
}

/** "Ask a person": the asker's supervisor and the officers, from the directory (section 15). */
export function askPersonFlow(directory: DirectoryService) {
  return async (interaction: Interaction): Promise<void> => {
    const me = await interaction.sender();
    await interaction.replyPrivately(peopleToAskMessage(await askPerson(directory, me.person ? me : null)));
  };
}
