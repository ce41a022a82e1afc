import type { Inserts } from "../../../core/notifications/wording.ts";
import { escapeText } from "../text.ts";
import { slackDate } from "./blocks.ts";

/** How Slack writes data into the notifications' wording: escaped mrkdwn, Slack's own dates. */
export const SLACK_INSERTS: Inserts = {
  text: escapeText,
  date: (iso) => slackDate(new Date(iso), "{date_short_pretty}"),
  dateTime: (iso) => slackDate(new Date(iso)),
};
