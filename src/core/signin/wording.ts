import { SIGN_IN_LINK_MINUTES } from "./service.ts";

/** What every chat platform says with a sign-in link (the link itself is added by the surface). */
export const SIGN_IN_LINK_INTRO = `Your sign-in link to the Conduct console. It works once, for ${SIGN_IN_LINK_MINUTES} minutes; do not forward it.`;
/** Where the command was typed, when the link went to the person's DM. */
export const SIGN_IN_LINK_SENT = "I sent you a sign-in link to the Conduct console in our direct messages.";
