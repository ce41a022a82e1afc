import { z } from "zod";
import type { DirectoryService } from "../../../core/directory/service.ts";
import { whoToAsk } from "../../../core/guidance/whoToAsk.ts";
import type { Interaction, WebClient } from "../deps.ts";
import { peopleToAskMessage } from "../render/people.ts";

const userInfoSchema = z.object({
  user: z.object({
    real_name: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional() }).passthrough(),
  }),
});

/** The person's name and email from Slack (users.info; needs `users:read` and `users:read.email`). */
export function slackLookup(client: WebClient, userId: string) {
  return async (): Promise<{ name: string; email: string } | null> => {
    const info = userInfoSchema.safeParse(await client.users.info({ user: userId }).catch(() => null));
    const email = info.success ? info.data.user.profile.email : undefined;
    if (!info.success || !email) return null;
    return { name: info.data.user.real_name ?? info.data.user.profile.real_name ?? "", email };
  };
}

/** "Ask a person": the asker's supervisor and the officers, from the directory (section 15). */
export function askPersonFlow(directory: DirectoryService) {
  return async (interaction: Interaction): Promise<void> => {
    const enrolment = await directory.resolveOrEnrol("slack", interaction.userId, slackLookup(interaction.client, interaction.userId));
    const people = await whoToAsk(directory, enrolment?.person.id ?? null);
    await interaction.replyPrivately(peopleToAskMessage(people, enrolment?.notice));
  };
}
