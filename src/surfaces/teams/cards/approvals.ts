import type { ApprovalView, DecisionView, DetailField } from "../../../core/approvals/index.ts";
import { joinNames } from "../../../core/text/joinNames.ts";
import { APPROVAL_VERBS } from "../verbs.ts";
import { card, execute, submit, text, type Action, type Card, type Element } from "./elements.ts";
import { escapeCardText as esc, truncate } from "./text.ts";
import { DETAIL_LABELS } from "../../../interactions/requestFields.ts";

const byLine = (d: DecisionView) => (d.byDelegate ? `${esc(d.actor.name)} for ${esc(d.approver.name)}` : esc(d.actor.name));
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Who settled a request, e.g. "Dana Reyes"; empty when nobody decided (withdrawn). */
export function decidedBy(view: ApprovalView): string {
  const action = view.status === "approved" ? "approve" : "decline";
  const stage = view.status === "declined" ? view.decisions.filter((d) => d.stage === view.currentStage) : view.decisions;
  return joinNames(stage.filter((d) => d.action === action).map(byLine));
}

/** Where the request stands, in one line. */
export function statusLine(view: ApprovalView): string {
  switch (view.status) {
    case "approved": {
      const extra = [...(view.conditions.length ? [`Conditions: ${view.conditions.map(esc).join("; ")}`] : []), ...(view.expiresOn ? [`Expires ${esc(view.expiresOn)}`] : [])];
      return `✅ Approved by ${decidedBy(view)}${view.closedAt ? ` on ${day(view.closedAt)}` : ""}.${extra.length ? ` ${extra.join(" · ")}` : ""}`;
    }
    case "declined": {
      const reasons = view.decisions.filter((d) => d.stage === view.currentStage && d.action === "decline" && d.reason).map((d) => esc(d.reason!));
      return `⛔ Declined by ${decidedBy(view)}${view.closedAt ? ` on ${day(view.closedAt)}` : ""}.${reasons.length ? ` Reason: ${reasons.join("; ")}` : ""}`;
    }
    case "withdrawn":
      return "↩️ Withdrawn by the requester.";
    case "info_requested": {
      const open = view.infoRequests.find((i) => i.answer === null);
      return `❓ Waiting for the requester's answer${open ? ` to ${esc(open.askedBy.name)}` : ""}.`;
    }
    default: {
      const stage = view.stages[view.currentStage];
      const waiting = stage ? stage.approvers.filter((a) => !a.decision).map((a) => esc(a.person.name)) : [];
      return `⏳ Waiting for ${waiting.length ? joinNames(waiting) : "a decision"}.`;
    }
  }
}

export interface ApprovalCardOptions {
  /** A line above the request ("New approval request", "Reminder: …"). */
  heading?: string;
  /** A problem with the last click (shown in red above the buttons). */
  error?: string;
  /** What the person typed into the card's inputs, kept when the card comes back with an error. */
  inputs?: { conditions?: string; expiresOn?: string; reason?: string; question?: string; answer?: string };
}

/**
 * An approval request as the viewer may see it. Decision buttons (Action.Execute) only while the
 * viewer can decide; inputs for conditions, a decline reason or a question sit on the card. Once
 * decided it shows who decided and has no buttons, so it cannot be clicked twice.
 */
export function approvalCard(view: ApprovalView, options: ApprovalCardOptions = {}): Card {
  const stage = view.stages[view.currentStage];
  const body: Element[] = [
    text(options.heading ?? `Approval request ${esc(view.reference)}`, { style: "heading", weight: "bolder", size: "medium" }),
    text(esc(truncate(view.summary, 500))),
    {
      type: "FactSet",
      facts: [
        { title: "Reference", value: esc(view.reference) },
        { title: "Requested by", value: esc(view.requester.name) },
        { title: "Clause", value: esc(view.clauseId) },
        ...(stage ? [{ title: view.stages.length > 1 ? `Stage ${stage.position + 1} of ${view.stages.length}` : "Decided by", value: esc(stage.who) }] : []),
        ...(Object.entries(view.details) as Array<[DetailField, unknown]>)
          .filter(([, value]) => value !== undefined && value !== null && value !== "")
          .map(([field, value]) => ({ title: DETAIL_LABELS[field] ?? field, value: esc(String(value)) })),
        ...(view.involved.length ? [{ title: "People involved", value: esc(view.involved.map((p) => p.name).join(", ")) }] : []),
      ],
    },
  ];
  for (const info of view.infoRequests) {
    body.push(text(`${esc(info.askedBy.name)} asked: ${esc(truncate(info.question, 1000))}`, { isSubtle: true }));
    if (info.answer !== null) body.push(text(`${esc(view.requester.name)} answered: ${esc(truncate(info.answer, 1000))}`, { isSubtle: true }));
  }
  body.push(text(statusLine(view), { weight: "bolder", spacing: "medium" }));
  if (view.viewer.onBehalfOf && view.viewer.canDecide) body.push(text(`You decide as ${esc(view.viewer.onBehalfOf.name)}'s delegate.`, { isSubtle: true }));
  if (options.error) body.push(text(esc(options.error), { color: "attention", weight: "bolder" }));

  const actions: Action[] = [];
  const inputs = options.inputs ?? {};
  if (view.viewer.canDecide) {
    body.push(
      { type: "Input.Text", id: "conditions", label: "Conditions (if you approve)", isMultiline: true, maxLength: 1000, ...(inputs.conditions ? { value: inputs.conditions } : {}) },
      { type: "Input.Date", id: "expiresOn", label: "Approval expires on (optional)", ...(inputs.expiresOn ? { value: inputs.expiresOn } : {}) },
      { type: "Input.Text", id: "reason", label: "Reason (required to decline)", isMultiline: true, maxLength: 1000, ...(inputs.reason ? { value: inputs.reason } : {}) },
      { type: "Input.Text", id: "question", label: "Question for the requester (to ask for info)", isMultiline: true, maxLength: 1000, ...(inputs.question ? { value: inputs.question } : {}) },
    );
    const ref = { requestId: view.id, stage: view.currentStage, ...(view.viewer.onBehalfOf ? { onBehalfOf: view.viewer.onBehalfOf.id } : {}) };
    actions.push(
      execute("Approve", APPROVAL_VERBS.approve, ref, "positive"),
      execute("Decline", APPROVAL_VERBS.decline, ref, "destructive"),
      execute("Ask for info", APPROVAL_VERBS.askInfo, ref),
    );
  }
  if (view.viewer.canAnswer) {
    body.push({ type: "Input.Text", id: "answer", label: "Your answer", isMultiline: true, maxLength: 2000, ...(inputs.answer ? { value: inputs.answer } : {}) });
    actions.push(execute("Send answer", APPROVAL_VERBS.answerInfo, { requestId: view.id }, "positive"));
  }
  return { ...card(body, actions), refresh: { action: execute("Refresh", APPROVAL_VERBS.refresh, { requestId: view.id }) } };
}

/** A short card with no buttons (decisions to the requester, stage changes, delegations). */
export function noticeCard(title: string, lines: string[] = []): Card {
  return card([text(title, { style: "heading", weight: "bolder", size: "medium" }), ...lines.map((line) => text(line))]);
}

export interface RequestFormOptions {
  topicId: string;
  clause: string;
  approvers: string;
  requires: readonly DetailField[];
  values?: Record<string, string>;
  error?: string;
  /** The field the error is about, shown next to it. */
  errorField?: string;
  /** In a dialog the button submits the dialog (task/submit); on a card it is an Action.Execute. */
  inDialog?: boolean;
}

/** "Request approval" from an answer: what is asked (prefilled from the question) and the facts the topic requires. */
export function requestFormCard(options: RequestFormOptions): Card {
  const values = options.values ?? {};
  const fieldError = (id: string) => (options.errorField === id && options.error ? { errorMessage: options.error } : {});
  const body: Element[] = [
    text("Request approval", { style: "heading", weight: "bolder", size: "medium" }),
    text(`This needs prior approval from ${esc(options.approvers)} (clause ${esc(options.clause)}). Your request goes to them; their decision comes back here.`),
  ];
  if (options.error) body.push(text(esc(options.error), { color: "attention", weight: "bolder" }));
  body.push({ type: "Input.Text", id: "summary", label: "What are you asking for", isMultiline: true, isRequired: true, maxLength: 500, ...(values.summary ? { value: values.summary } : {}), ...fieldError("summary") });
  const fields: DetailField[] = ["amount", "currency", "giver", "organisation", ...(options.requires.includes("position") ? (["position"] as const) : []), "date", "endDate"];
  for (const field of fields) {
    const required = options.requires.includes(field);
    const label = `${DETAIL_LABELS[field]}${required ? "" : " (optional)"}`;
    if (field === "date" || field === "endDate") body.push({ type: "Input.Date", id: field, label, ...(values[field] ? { value: values[field] } : {}) });
    else body.push({ type: "Input.Text", id: field, label, isRequired: required, maxLength: 200, ...(values[field] ? { value: values[field] } : {}), ...fieldError(field) });
  }
  const send = options.inDialog
    ? submit("Send request", APPROVAL_VERBS.submitRequest, { topicId: options.topicId }, "positive")
    : execute("Send request", APPROVAL_VERBS.submitRequest, { topicId: options.topicId }, "positive");
  return card(body, [send]);
}
