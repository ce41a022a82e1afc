import { roleName } from "../../../core/advice/index.ts";
import type { ApprovalView, DecideResult, StageView } from "../../../core/approvals/index.ts";
import { joinNames } from "../../../core/text/joinNames.ts";

const STATUS: Record<ApprovalView["status"], string> = {
  pending: "waiting for a decision",
  info_requested: "waiting for the requester's answer",
  approved: "approved",
  declined: "declined",
  withdrawn: "withdrawn",
};

const RULE = { any: "any one of them", majority: "a majority", all: "all of them" } as const;

export function stageText(stage: StageView): string {
  const who = joinNames(stage.approvers.map((s) => s.person.name));
  return `${roleName(stage.role)}: ${who} (${RULE[stage.rule]}; ${stage.approvals} of ${stage.needed} approvals)`;
}

/** After a request is made. */
export function createdText(view: ApprovalView): string {
  const stage = view.stages[0];
  return [`Request ${view.reference} sent.${stage ? ` It went to ${joinNames(stage.approvers.map((s) => s.person.name))}.` : ""}`, approvalText(view)].join("\n");
}

/** A request as the viewer sees it, with the commands they can use on it. */
export function approvalText(view: ApprovalView): string {
  const lines = [`${view.reference} · ${view.summary}`, `  From ${view.requester.name}, clause ${view.clauseId}: ${STATUS[view.status]}.`];
  const details = Object.entries(view.details).map(([k, v]) => `${k}: ${v}`);
  if (details.length) lines.push(`  ${details.join(", ")}`);
  for (const stage of view.stages) lines.push(`  Stage ${stage.position + 1}, ${stageText(stage)}`);
  const decided = decidedBy(view);
  if (decided) lines.push(`  ${decided}`);
  for (const d of view.decisions) if (d.reason) lines.push(`  ${d.actor.name}'s reason: ${d.reason}`);
  for (const c of view.conditions) lines.push(`  Condition: ${c}`);
  if (view.expiresOn) lines.push(`  Expires ${view.expiresOn}`);
  for (const i of view.infoRequests) lines.push(`  ${i.askedBy.name} asked: ${i.question}${i.answer ? ` – answer: ${i.answer}` : ""}`);
  if (view.viewer.canDecide) lines.push(`  Decide: /approve ${view.reference} [conditions] · /decline ${view.reference} <reason> · /ask-info ${view.reference} <question>`);
  if (view.viewer.canAnswer) lines.push(`  Answer: /answer ${view.reference} <text>`);
  return lines.join("\n");
}

function decidedBy(view: ApprovalView): string | null {
  if (view.status !== "approved" && view.status !== "declined") return null;
  const by = view.decisions.filter((d) => d.action === (view.status === "approved" ? "approve" : "decline")).map((d) => d.actor.name);
  return `${view.status === "approved" ? "Approved" : "Declined"} by ${joinNames(by)}.`;
}

/** What an approver sees after /approve, /decline or /ask-info. */
export function decideText(result: DecideResult): string {
  switch (result.kind) {
    case "recorded": {
      const what = result.decision.action === "approve" ? "approval" : "decline";
      const outcome = result.stageOutcome === "open" ? "The request waits for the other approvers." : `The request is now ${STATUS[result.view.status]}.`;
      return `Your ${what} of ${result.view.reference} is recorded. ${outcome}\n${approvalText(result.view)}`;
    }
    case "info_requested":
      return `Your question about ${result.view.reference} went to ${result.view.requester.name}. The request waits for their answer.`;
    case "duplicate":
      return `You already acted on ${result.view.reference}; nothing more was recorded.`;
    case "already_decided":
      return `${result.view.reference} was already ${result.outcome}: already decided by ${joinNames(result.decidedBy.map((d) => d.actor.name))}. Nothing was recorded for you.`;
    case "not_pending":
      return result.status === "info_requested"
        ? `${result.view.reference} is waiting for the requester's answer to ${result.by?.name ?? "an approver"}'s question.`
        : `${result.view.reference} is ${STATUS[result.status]}; there is nothing to decide.`;
    case "rejected":
      return result.message;
  }
}
