import { z } from "zod";
import type { Logger } from "../../../log.ts";
import type { Interaction, WebClient } from "../deps.ts";
import { CASE_THREAD_EVENT } from "../ids.ts";
import type { UserMessage } from "../payloads.ts";
import { plainMessage } from "../render/notices.ts";
import { typedReplyAck } from "../render/notifications.ts";
import { categoryForClause, reportModal } from "../render/report.ts";
import type { ReporterCaseInteractions } from "../../../interactions/reporterCase.ts";
import { replyText } from "../../../interactions/reply.ts";
import type { Sender } from "../sender.ts";
import { slackToPlain } from "../text.ts";

/** "Report a concern": the modal opens first (the trigger lasts 3 seconds); nothing else happens until Submit. */
export function startReportFlow() {
  return async ({ client, triggerId }: Interaction, from: { clauseId?: string }): Promise<void> => {
    const category = categoryForClause(from.clauseId);
    await client.views.open({ trigger_id: triggerId, view: reportModal(category ? { category } : {}) });
  };
}

const parentSchema = z.object({
  messages: z
    .array(
      z.object({
        bot_id: z.string().optional(),
        metadata: z.object({ event_type: z.string(), event_payload: z.object({ case: z.string().optional() }).passthrough().optional() }).optional(),
      }).passthrough(),
    )
    .default([]),
});

/**
 * The case a DM thread belongs to (its first message is a case notice the bot posted, whose
 * metadata names the case), null when it is another thread, undefined when Slack could not say.
 */
export async function caseThreadOf(client: WebClient, channel: string, threadTs: string, logger: Logger): Promise<{ eventType: string; caseNumber: string } | null | undefined> {
  let parent: z.infer<typeof parentSchema>["messages"][number] | undefined;
  try {
    const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true, include_all_metadata: true });
    parent = parentSchema.parse(replies).messages[0];
  } catch (error) {
    logger.warn({ err: { type: (error as Error)?.name } }, "could not read a DM thread's first message");
    return undefined;
  }
  const meta = parent?.bot_id ? parent.metadata : undefined;
  const caseNumber = meta?.event_payload?.case;
  return meta && caseNumber && Object.values(CASE_THREAD_EVENT).includes(meta.event_type as never) ? { eventType: meta.event_type, caseNumber } : null;
}

/**
 * Replies typed in the thread of a case DM: the reporter's go to the case's handlers (with the
 * one-time notice that typed messages stay in the workspace's history); a handler is pointed to
 * the Message reporter button, since the thread is not a channel to the reporter.
 */
export function caseThreadFlow(reporter: ReporterCaseInteractions, logger: Logger) {
  return async (client: WebClient, message: UserMessage, botUserId: string | undefined, sender: Sender): Promise<boolean> => {
    if (!message.thread_ts) return false;
    const meta = await caseThreadOf(client, message.channel, message.thread_ts, logger);
    if (!meta) return false;
    const where = { channel: message.channel, thread_ts: message.thread_ts };
    const { caseNumber } = meta;

    if (meta.eventType === CASE_THREAD_EVENT.handler) {
      await client.chat.postMessage({
        ...where,
        ...plainMessage(`This was not sent to anyone. To write to the reporter of ${caseNumber}, use the Message reporter button; for the other handlers, Add internal note.`),
      });
      return true;
    }
    if (meta.eventType !== CASE_THREAD_EVENT.reporter) return false;

    const me = await sender();
    const reply = me.person ? await reporter.reply(me, caseNumber, slackToPlain(message.text, botUserId), "typed") : null;
    if (reply?.kind !== "case_done") {
      await client.chat.postMessage({ ...where, ...plainMessage(`Not sent: ${reply ? replyText(reply) : me.why}`) });
      return true;
    }
    await client.chat.postMessage({ ...where, ...typedReplyAck(reply) });
    return true;
  };
}
