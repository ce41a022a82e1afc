import type { Policy } from "../../../core/policy/load.ts";
import { listRequests } from "../../../interactions/requests.ts";
import type { Interaction } from "../deps.ts";
import { prefillFromQuestion, requestModal, requestsMessage } from "../render/approvals.ts";
import { listRoles } from "../render/labels.ts";
import { plainMessage } from "../render/notices.ts";
import type { SlackCores } from "../services.ts";

/** "Request approval" under an answer: the form opens at once, prefilled from the question and the topic. */
export function requestApprovalFlow(cores: SlackCores & { approvals: NonNullable<SlackCores["approvals"]> }, policy: Policy) {
  return async ({ client, triggerId }: Interaction, topicId: string, from: { question?: string } = {}): Promise<void> => {
    const topic = policy.rules.topics.find((t) => t.id === topicId);
    if (!topic) return;
    const view = requestModal({
      topicId,
      clause: topic.clause,
      approvers: listRoles(topic.approvers),
      requires: cores.approvals.settings.topic(topicId).requires,
      prefill: prefillFromQuestion(from.question),
    });
    await client.views.open({ trigger_id: triggerId, view });
  };
}

/** `/conduct requests`: what waits for the person's decision, and their own requests. */
export function listRequestsFlow(cores: SlackCores & { approvals: NonNullable<SlackCores["approvals"]> }) {
  return async (interaction: Interaction): Promise<void> => {
    const me = await interaction.sender();
    if (!me.person) {
      await interaction.replyPrivately(plainMessage(me.why));
      return;
    }
    await interaction.replyPrivately(requestsMessage(await listRequests(cores.approvals, me)));
  };
}
