import type { ApprovalView, StageView } from "../../../core/approvals/index.ts";
import { STATUS_WORDS, type DecisionReply } from "../../../interactions/decision.ts";
import type { FieldErrors } from "../../../interactions/reply.ts";
import { joinNames } from "../../../core/text/joinNames.ts";

const STATUS = STATUS_WORDS;

const RULE = { any: "any one of them", majority: "a majority", all: "all of them" } as const;

export function stageText(stage: StageView): string {
  const who = joinNames(stage.approvers.map((s) => s.person.name));
  return `${stage.who}: ${who} (${RULE[stage.rule]}; ${stage.approvals} of ${stage.needed} approvals)`;
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

/** What an approver sees after /approve, /decline or /ask-info (src/interactions/decision.ts). */
export function replyText(reply: DecisionReply | FieldErrors<"answer">): string {
  switch (reply.kind) {
    case "approval":
      return reply.changed ? `${reply.note}\n${approvalText(reply.view)}` : reply.note;
    case "notice":
      return [reply.title, ...reply.lines].join("\n");
    case "field_errors":
      return Object.values(reply.errors).join(" ");
  }
}
