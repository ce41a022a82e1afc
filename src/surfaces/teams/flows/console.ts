import { SIGN_IN_LINK_INTRO } from "../../../core/signin/wording.ts";
import type { Interaction, Reply } from "../deps.ts";

/** The `console` command: a one-time sign-in link to the web console (always answered in the 1:1 chat). */
export function consoleLinkFlow(signInLink: (personId: string) => Promise<{ url: string }>) {
  return async (interaction: Interaction): Promise<Reply> => {
    const me = await interaction.sender();
    if (!me.person) return me.why;
    const { url } = await signInLink(me.person.id);
    return `${SIGN_IN_LINK_INTRO}\n${url}`;
  };
}
