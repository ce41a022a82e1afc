import { html, type Html } from "../html.ts";

/** The page a sign-in link opens: a button, so a link preview or scanner fetching the URL signs nobody in. */
export const signInPage = (token: string): Html => html`<p>You asked the Conduct bot for a link to the console.</p>
<form method="post" action="/console/signin"><input type="hidden" name="token" value="${token}"><button type="submit">Sign in</button></form>
<p class="meta">The link works once, for a few minutes. If you did not ask for it, close this page.</p>`;

export const LINK_REFUSED: Record<"used" | "expired" | "unknown", string> = {
  used: "This sign-in link was already used. Each link works once: ask the bot for a new one with /conduct console (Slack) or “console” (Teams).",
  expired: "This sign-in link has expired. Ask the bot for a new one with /conduct console (Slack) or “console” (Teams).",
  unknown: "This sign-in link is not valid. Ask the bot for a new one with /conduct console (Slack) or “console” (Teams).",
};

export const signedOutPage = (): Html => html`<p>To open the console, ask the bot for a sign-in link: <strong>/conduct console</strong> in Slack, or <strong>console</strong> in your chat with the bot in Teams.</p>`;
