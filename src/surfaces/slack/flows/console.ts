import { SIGN_IN_LINK_INTRO, SIGN_IN_LINK_SENT } from "../../../core/signin/wording.ts";
import { postToDm } from "../conversations.ts";
import type { Interaction } from "../deps.ts";
import { section } from "../render/blocks.ts";
import { plainMessage } from "../render/notices.ts";

/** Makes a web console sign-in link for a directory person. */
export type SignInLink = (personId: string) => Promise<{ url: string }>;

/** `/conduct console`: a one-time sign-in link to the web console, in the person's DM with the bot. */
export function consoleLinkFlow(signInLink: SignInLink) {
  return async (interaction: Interaction): Promise<void> => {
    const me = await interaction.sender();
    if (!me.person) return interaction.replyPrivately(plainMessage(me.why));
    const { url } = await signInLink(me.person.id);
    // No preview: Slack would fetch the link (harmless, opening it needs a click, but pointless).
    const message = { text: `${SIGN_IN_LINK_INTRO} ${url}`, blocks: [section(`${SIGN_IN_LINK_INTRO}\n<${url}|Open the Conduct console>`)], unfurl_links: false, unfurl_media: false };
    await postToDm(interaction.client, interaction.userId, message);
    await interaction.replyPrivately(plainMessage(SIGN_IN_LINK_SENT));
  };
}
