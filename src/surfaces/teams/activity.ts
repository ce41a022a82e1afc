import { z } from "zod";
import { TurnContext, type Activity, type ConversationReference } from "botbuilder";

/**
 * The fields of an incoming Bot Framework activity this surface relies on. Everything else is
 * passed through to botbuilder untouched; a body without these is answered 400 before any work.
 */
export const activityEnvelope = z
  .object({
    type: z.string().min(1),
    id: z.string().min(1).optional(),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional() }).passthrough(),
    recipient: z.object({ id: z.string().min(1) }).passthrough(),
    conversation: z
      .object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() })
      .passthrough(),
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

/** The person's AAD object id, lower-cased (as the directory stores it), if Teams sent one. */
export function aadObjectIdOf(activity: Partial<Activity>): string | undefined {
  const id = activity.from?.aadObjectId;
  return typeof id === "string" && id.trim() ? id.trim().toLowerCase() : undefined;
}

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'" };

/**
 * The words a person typed: Teams may wrap channel messages in HTML and leaves other people's
 * mentions as <at> tags (the bot's own mention is already removed by the Application).
 */
export function plainText(text: string | undefined): string {
  return (text ?? "")
    .replace(/<at>(.*?)<\/at>/gi, "$1")
    .replace(/<br\s*\/?>|<\/p>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
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
