import type { Policy } from "../../core/policy/load.ts";
import type { SlackFlows } from "./deps.ts";
import { listRoles } from "./render/labels.ts";
import { homeView } from "./render/home.ts";
import { notYetAvailableView, plainMessage } from "./render/notices.ts";
import { escapeText } from "./text.ts";

/**
 * What the flows do until their cores exist: say plainly that the flow is not switched on,
 * and that nothing was sent to anyone. Replaced one by one from index.ts.
 */
export function placeholderFlows(policy: Policy): SlackFlows {
  return {
    async startReport({ client, triggerId }) {
      await client.views.open({
        trigger_id: triggerId,
        view: notYetAvailableView("Report a concern", [
          "Filing a confidential report from Slack is not switched on yet in this workspace.",
          "Nothing has been sent to anyone.",
        ]),
      });
    },

    async requestApproval({ client, triggerId }, topicId) {
      const topic = policy.rules.topics.find((t) => t.id === topicId);
      const who = topic?.approvers.length ? `This needs prior approval from *${listRoles(topic.approvers)}* (clause ${escapeText(topic.clause)}).` : "This needs prior approval.";
      await client.views.open({
        trigger_id: triggerId,
        view: notYetAvailableView("Request approval", [
          who,
          "Sending approval requests from Slack is not switched on yet, so nothing has been sent. Ask the approver directly in the meantime.",
        ]),
      });
    },

    async listRequests({ replyPrivately }) {
      await replyPrivately(plainMessage("Approval requests are not switched on yet in Slack, so there are none to show."));
    },

    async askPerson({ replyPrivately }) {
      await replyPrivately(plainMessage("I can't look people up yet: the directory is not switched on in this workspace."));
    },

    async publishHome(client, userId) {
      await client.views.publish({ user_id: userId, view: homeView() });
    },

    async replyInThread() {
      return false;
    },
  };
}
