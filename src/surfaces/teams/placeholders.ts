import type { Policy } from "../../core/policy/load.ts";
import { roleName } from "./cards/labels.ts";
import type { TeamsFlows } from "./deps.ts";

/**
 * What the flows do until their cores exist: say plainly that the flow is not switched on in
 * Teams, and that nothing was sent to anyone. Replaced one by one through TeamsOptions.flows.
 */
export function placeholderFlows(policy: Policy): TeamsFlows {
  return {
    async startReport() {
      return "Filing a confidential report from Teams is not switched on yet. Nothing has been sent to anyone.";
    },
    async requestApproval(_interaction, topicId) {
      const topic = policy.rules.topics.find((t) => t.id === topicId);
      const who = topic?.approvers.length ? ` (who approves: ${topic.approvers.map(roleName).join(", ")})` : "";
      return `This needs prior approval${who}. Sending approval requests from Teams is not switched on yet, so nothing has been sent: ask the approver directly in the meantime.`;
    },
    async listRequests() {
      return "Approval requests are not switched on yet in Teams, so there are none to show.";
    },
    async delegate() {
      return "Delegating approvals is not switched on yet in Teams.";
    },
    async console() {
      return "The web console is not switched on in this installation.";
    },
    async deliveries() {
      return null;
    },
    async askPerson() {
      return "I can't look people up yet: the directory is not switched on for Teams.";
    },
  };
}
