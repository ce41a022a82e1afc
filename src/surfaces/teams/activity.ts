import { z } from "zod";
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";

const optionalString = z.string().optional();

/** A ChannelAccount: botbuilder copies these into its replies, where the connector client type-checks them. */
const account = z
  .object({ id: z.string().min(1), name: optionalString, aadObjectId: optionalString, role: optionalString })
  .passthrough();

const entity = z
  .object({
    type: z.string(),
    text: optionalString,
    mentioned: z.object({ id: z.string(), name: optionalString }).passthrough().optional(),
  })
  .passthrough();

/**
 * The fields of an incoming Bot Framework activity this surface, teams-ai and botbuilder rely on
 * (or copy into replies), with their types. Anything else passes through untouched. A body that
 * does not fit is answered 400 before any work, so malformed input never becomes a failed turn.
 */
export const activityEnvelope = z
  .object({
    type: z.string().min(1),
    id: z.string().min(1).optional(),
    name: optionalString,
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    timestamp: optionalString,
    localTimestamp: optionalString,
    locale: optionalString,
    text: optionalString,
    textFormat: optionalString,
    replyToId: optionalString,
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: z.string().min(1),
        conversationType: optionalString,
        tenantId: optionalString,
        isGroup: z.boolean().optional(),
        name: optionalString,
      })
      .passthrough(),
    entities: z.array(entity).optional(),
    attachments: z.array(z.object({ contentType: z.string() }).passthrough()).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: z.record(z.unknown()).optional(),
  })
  .passthrough();

export type ActivityEnvelope = z.infer<typeof activityEnvelope>;

/** A 1:1 chat between one person and the bot (Teams "personal" scope). */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === "personal" || (type === undefined && activity.conversation?.isGroup !== true);
}

/** Whether the message @mentions the bot (how Teams delivers messages in channels and group chats). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

/** Every tenant id the activity names (conversation and channel data), distinct. */
export function tenantsOf(activity: Partial<Activity>): string[] {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const ids = [activity.conversation?.tenantId, fromChannel].filter((id): id is string => typeof id === "string" && id.length > 0);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** The person's AAD object id, lower-cased (as the directory stores it), if Teams sent one. */
export function aadObjectIdOf(activity: Partial<Activity>): string | undefined {
  const id = activity.from?.aadObjectId;
  return typeof id === "string" && id.trim() ? id.trim().toLowerCase() : undefined;
}

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'" };

/**
 * The words a person typed: Teams may wrap channel messages in HTML and leaves other people's
 * mentions as <at> tags (the bot's own mention is removed before). Tags go (a line or paragraph
 * break becomes a space), their text stays. One pass with indexOf, never a backtracking regex:
 * a message of 250 KB of "<" costs what reading it costs.
 */
export function plainText(text: string | undefined): string {
  const source = text ?? "";
  let out = "";
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf("<", at);
    const close = open < 0 ? -1 : source.indexOf(">", open + 1);
    if (close < 0) break; // no tag closes after here: the rest is text
    out += source.slice(at, open) + (isBreak(source.slice(open + 1, close)) ? " " : "");
    at = close + 1;
  }
  out += source.slice(at);
  return out
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

/** <br>, <br/>, <br /> and </p>: where Teams' HTML breaks a line. */
function isBreak(tag: string): boolean {
  const name = tag.toLowerCase();
  if (name === "/p") return true;
  const rest = name.startsWith("br") ? name.slice(2) : undefined;
  return rest !== undefined && (rest.endsWith("/") ? rest.slice(0, -1) : rest).trim() === "";
}

/**
 * Where to reach this person later, as stored for proactive messages: the reference of the
 * conversation without the message it came from and without the person's display name.
 */
export function storableReference(activity: Partial<Activity>): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  const { activityId: _activityId, ...rest } = reference;
  return {
    ...rest,
    user: rest.user ? { id: rest.user.id, name: "", aadObjectId: rest.user.aadObjectId, role: rest.user.role } : rest.user,
  };
}
