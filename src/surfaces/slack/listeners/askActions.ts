import type { App, BlockAction as BoltBlockAction } from "@slack/bolt";
import { NO_CLAUSE } from "../../../core/advice/feedback.ts";
import type { SlackDeps } from "../deps.ts";
import { ACTIONS } from "../ids.ts";
import { questionOf, withFeedbackRecorded } from "../render/answer.ts";
import { plainMessage } from "../render/notices.ts";
import { withAction } from "./handlers.ts";

/** The buttons under an answer: Request approval, Report a concern, Ask a person, 👍 and 👎. */
export function registerAskActionListeners(app: App, deps: SlackDeps): void {
  const clauseOf = (value: string) => (value === NO_CLAUSE || deps.policy.document.clauses.has(value) ? value : undefined);

  app.action<BoltBlockAction>(ACTIONS.requestApproval, withAction(deps, async (interaction, action) => {
    const topicId = action.actions[0]!.value;
    if (!deps.policy.rules.topics.some((t) => t.id === topicId)) return;
    const question = questionOf(action.message?.blocks ?? []);
    await deps.flows.requestApproval(interaction, topicId, question ? { question } : {});
  }));

  app.action<BoltBlockAction>(ACTIONS.reportConcern, withAction(deps, async (interaction, action) => {
    const clauseId = clauseOf(action.actions[0]!.value);
    await deps.flows.startReport(interaction, clauseId && clauseId !== NO_CLAUSE ? { clauseId } : {});
  }));

  app.action<BoltBlockAction>(ACTIONS.askPerson, withAction(deps, async (interaction, action) => {
    const clauseId = clauseOf(action.actions[0]!.value);
    await deps.flows.askPerson(interaction, clauseId && clauseId !== NO_CLAUSE ? { clauseId } : {});
  }));

  for (const [actionId, helpful] of [[ACTIONS.feedbackUp, true], [ACTIONS.feedbackDown, false]] as const) {
    app.action<BoltBlockAction>(actionId, withAction(deps, async (interaction, action, respond) => {
      const channelId = action.container.channel_id ?? action.channel?.id;
      const messageTs = action.container.message_ts ?? action.message?.ts;
      if (!channelId || !messageTs) return;
      const reply = await deps.feedback({ answerKey: `slack:feedback:${channelId}:${messageTs}`, clauseId: action.actions[0]!.value, helpful });
      if (!reply) return;
      // The answer again, its vote buttons replaced by the thank-you; a later click is only told.
      const line = reply.lines.join(" ");
      if (reply.placement === "post") {
        await interaction.replyPrivately(plainMessage(line));
      } else if (action.message && !action.container.is_ephemeral) {
        await interaction.client.chat.update({ channel: channelId, ts: messageTs, text: line, blocks: withFeedbackRecorded(action.message.blocks, line) });
      } else if (action.message && respond) {
        await respond({ replace_original: true, text: line, blocks: withFeedbackRecorded(action.message.blocks, line) });
      } else {
        await interaction.replyPrivately(plainMessage(line));
      }
    }));
  }
}
