import type { types } from "@slack/bolt";
import { joinNames } from "../../../core/text/joinNames.ts";
import type { ApprovalView, DecisionAction, DecisionView, DetailField, StageView, WaitingItem } from "../../../core/approvals/index.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { escapeText, quoteBlock, truncate } from "../text.ts";
import { actions, button, context, header, plain, section, slackDate, type Block, type ButtonElement, type SlackMessage } from "./blocks.ts";
import { dateInput, modal, numberInput, textInput, usersInput } from "./modal.ts";
import { REQUESTS_WORDS, type RequestsList } from "../../../interactions/requests.ts";
import { DETAIL_LABELS } from "../../../interactions/requestFields.ts";

/** The request form's block ids; the core's field names map onto them for errors. */
export const REQUEST_BLOCKS = {
  summary: "summary",
  amount: "amount",
  currency: "currency",
  giver: "giver",
  organisation: "organisation",
  position: "position",
  date: "date",
  endDate: "endDate",
  involved: "involved",
} as const;

/** The core's `field` ("summary", "details.amount", "involvedIds") → the block to show it next to. */
export function requestBlockFor(field: string | undefined): string {
  if (!field) return REQUEST_BLOCKS.summary;
  const name = field.replace(/^details\./, "");
  if (name === "involvedIds") return REQUEST_BLOCKS.involved;
  return (REQUEST_BLOCKS as Record<string, string>)[name] ?? REQUEST_BLOCKS.summary;
}

export interface RequestPrefill {
  summary?: string;
  amount?: number;
  currency?: string;
  date?: string;
}

/** Reads what a question already says (an amount, a currency, a date) to prefill the form. The person checks it. */
export function prefillFromQuestion(question: string | undefined): RequestPrefill {
  if (!question) return {};
  const prefill: RequestPrefill = { summary: truncate(question.trim(), 500) };
  // An amount after a unit starts only where a number starts (the lookbehind): tried from every digit
  // of a long run of digits, it would backtrack quadratically.
  const money = question.match(/([$€£])\s?(\d[\d,]*(?:\.\d+)?)|(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s?(USD|EUR|GBP|dollars?|euros?|pounds?)\b/i);
  if (money) {
    const amount = Number((money[2] ?? money[3] ?? "").replace(/,/g, ""));
    if (Number.isFinite(amount)) prefill.amount = amount;
    const symbol = (money[1] ?? money[4] ?? "").toLowerCase();
    prefill.currency = symbol === "€" || symbol.startsWith("eur") ? "EUR" : symbol === "£" || symbol.startsWith("pound") || symbol === "gbp" ? "GBP" : "USD";
  }
  const date = question.match(/\b(\d{4}-\d{2}-\d{2})\b/);
  if (date) prefill.date = date[1];
  return prefill;
}

/**
 * "Request approval" from an answer: what is asked (the question, editable), the facts the topic
 * requires (required inputs) and the usual optional ones, and the people involved.
 */
export function requestModal(args: { topicId: string; clause: string; approvers: string; requires: readonly DetailField[]; prefill: RequestPrefill }): types.ModalView {
  const { requires, prefill } = args;
  const optional = (field: DetailField) => !requires.includes(field);
  const blocks: Block[] = [
    section(`This needs prior approval from *${escapeText(args.approvers)}* (clause ${escapeText(args.clause)}). Your request goes to them; their decision comes back here.`),
    textInput(REQUEST_BLOCKS.summary, "What are you asking for", { multiline: true, maxLength: 500, ...(prefill.summary ? { initial: prefill.summary } : {}) }),
    numberInput(REQUEST_BLOCKS.amount, DETAIL_LABELS.amount, { optional: optional("amount"), ...(prefill.amount !== undefined ? { initial: prefill.amount } : {}) }),
    textInput(REQUEST_BLOCKS.currency, DETAIL_LABELS.currency, { optional: optional("currency"), maxLength: 3, placeholder: "USD", ...(prefill.currency ? { initial: prefill.currency } : {}) }),
    textInput(REQUEST_BLOCKS.giver, DETAIL_LABELS.giver, { optional: optional("giver"), maxLength: 200 }),
    textInput(REQUEST_BLOCKS.organisation, DETAIL_LABELS.organisation, { optional: optional("organisation"), maxLength: 200 }),
  ];
  if (requires.includes("position")) blocks.push(textInput(REQUEST_BLOCKS.position, DETAIL_LABELS.position, { maxLength: 200 }));
  blocks.push(
    dateInput(REQUEST_BLOCKS.date, DETAIL_LABELS.date, { optional: optional("date"), ...(prefill.date ? { initial: prefill.date } : {}) }),
    dateInput(REQUEST_BLOCKS.endDate, DETAIL_LABELS.endDate, { optional: optional("endDate") }),
    usersInput(REQUEST_BLOCKS.involved, "Other people involved", { multi: true, optional: true, max: 50, hint: "They are never asked to approve it." }),
  );
  return modal({ callbackId: VIEWS.approvalRequest, title: "Request approval", submit: "Send request", privateMetadata: JSON.stringify({ topicId: args.topicId }), blocks });
}

/** Decision buttons carry the request, the stage shown and whose seat; a click for a moved-on stage is a late click. */
export interface DecisionRef {
  r: string;
  s: number;
  o: string | null;
}

export function decisionButtons(view: ApprovalView): ButtonElement[] {
  const ref: DecisionRef = { r: view.id, s: view.currentStage, o: view.viewer.onBehalfOf?.id ?? null };
  const value = JSON.stringify(ref);
  return [
    button(APPROVAL_ACTIONS.approve, "Approve", value, "primary"),
    button(APPROVAL_ACTIONS.decline, "Decline", value, "danger"),
    button(APPROVAL_ACTIONS.askInfo, "Ask for info", value),
  ];
}

function viewerButtons(view: ApprovalView): ButtonElement[] {
  const buttons: ButtonElement[] = [];
  if (view.viewer.canDecide) buttons.push(...decisionButtons(view));
  if (view.viewer.canAnswer) buttons.push(button(APPROVAL_ACTIONS.answer, "Answer the question", view.id, "primary"));
  if (view.viewer.canWithdraw) {
    buttons.push({
      ...button(APPROVAL_ACTIONS.withdraw, "Withdraw", view.id),
      confirm: {
        title: plain("Withdraw this request?"),
        text: plain(`${view.reference} will be withdrawn and its approvers told. You can make a new request later.`),
        confirm: plain("Withdraw"),
        deny: plain("Keep it"),
      },
    });
  }
  return buttons;
}

const names = (people: Array<{ name: string }>) => joinNames(people.map((p) => escapeText(p.name)));

const byLine = (d: DecisionView) => (d.byDelegate ? `${escapeText(d.actor.name)} for ${escapeText(d.approver.name)}` : escapeText(d.actor.name));

export function stageLabel(stage: Pick<StageView, "role" | "rule" | "needed" | "who" | "fallback">, of: number, position: number): string {
  const group = !stage.fallback && (stage.role === "board" || stage.role === "audit_committee");
  const rule = group ? ` (${stage.rule === "any" ? "any member" : stage.rule === "all" ? "every member" : `majority: ${stage.needed}`})` : "";
  return `${of > 1 ? `Stage ${position + 1} of ${of}: ` : ""}${escapeText(stage.who)}${rule}`;
}

/** Where the request stands, in one or two lines: who decided what, or whom it waits for. */
export function statusLine(view: ApprovalView): string {
  const stage = view.stages[view.currentStage];
  const settled = stage ? view.decisions.filter((d) => d.stage === stage.position) : [];
  switch (view.status) {
    case "approved": {
      const approvals = view.decisions.filter((d) => d.action === "approve");
      const extra = [...(view.conditions.length ? [`Conditions: ${view.conditions.map(escapeText).join("; ")}`] : []), ...(view.expiresOn ? [`Expires ${escapeText(view.expiresOn)}${view.expired ? " (expired)" : ""}`] : [])];
      return `✅ *Approved* by ${names(approvals.map((d) => ({ name: byLine(d) })))}${view.closedAt ? ` on ${slackDate(view.closedAt)}` : ""}.${extra.length ? `\n${extra.join(" · ")}` : ""}`;
    }
    case "declined": {
      const declines = settled.filter((d) => d.action === "decline");
      const reasons = declines.filter((d) => d.reason).map((d) => `${escapeText(d.actor.name)}: ${escapeText(d.reason!)}`);
      return `⛔ *Declined* by ${names(declines.map((d) => ({ name: byLine(d) })))}${view.closedAt ? ` on ${slackDate(view.closedAt)}` : ""}.${reasons.length ? `\nReason – ${reasons.join("; ")}` : ""}`;
    }
    case "withdrawn":
      return `↩️ *Withdrawn* by ${escapeText(view.requester.name)}${view.closedAt ? ` on ${slackDate(view.closedAt)}` : ""}.`;
    case "info_requested": {
      const open = view.infoRequests.filter((i) => i.answer === null).at(-1);
      return `❓ *Waiting for ${escapeText(view.requester.name)}* to answer ${open ? `${escapeText(open.askedBy.name)}'s question` : "a question"}.`;
    }
    case "pending": {
      if (!stage) return "⏳ *Pending*";
      const waiting = stage.approvers.filter((a) => !a.decision).map((a) => a.person);
      return `⏳ *Pending* – ${stageLabel(stage, view.stages.length, stage.position)}: ${stage.approvals} of ${stage.needed} approval${stage.needed === 1 ? "" : "s"}${waiting.length ? `; waiting for ${names(waiting)}` : ""}.`;
    }
  }
}

function detailLines(view: ApprovalView): string[] {
  const d = view.details;
  return [
    ...(d.amount !== undefined ? [`*Amount:* ${d.amount}${d.currency ? ` ${escapeText(d.currency)}` : ""}`] : []),
    ...(d.giver ? [`*Given by:* ${escapeText(d.giver)}`] : []),
    ...(d.organisation ? [`*Counterparty:* ${escapeText(d.organisation)}`] : []),
    ...(d.position ? [`*Role:* ${escapeText(d.position)}`] : []),
    ...(d.date ? [`*Date:* ${escapeText(d.date)}${d.endDate ? ` to ${escapeText(d.endDate)}` : ""}`] : []),
    ...(view.involved.length ? [`*Also involved:* ${names(view.involved)}`] : []),
    ...(view.subject && view.subject.id !== view.requester.id ? [`*Waiver for:* ${escapeText(view.subject.name)}`] : []),
  ];
}

/**
 * A request as one person sees it now: what is asked, the facts, where it stands, the questions
 * asked and answered, and only the buttons the core says this person may use. The same renderer
 * draws a new DM and re-draws it after every change (chat.update), so stale buttons disappear.
 */
export function approvalCard(view: ApprovalView, lead?: string): SlackMessage {
  const blocks: Block[] = [];
  if (lead) blocks.push(section(lead));
  blocks.push(
    header(`Approval request ${view.reference}`),
    section(`*${escapeText(view.requester.name)}* asks:\n${quoteBlock(truncate(view.summary, 1500))}`),
  );
  const facts = [`*Clause:* ${escapeText(view.clauseId)}`, ...detailLines(view)];
  blocks.push(section(facts.join("\n")));
  const formalities = [...(view.inWriting ? ["decided in writing"] : []), ...(view.disclosureRequired ? ["promptly disclosed once granted"] : [])];
  if (formalities.length) blocks.push(context(`📜 Under the Code this must be ${formalities.join(" and ")}.`));
  for (const info of view.infoRequests.slice(-3)) {
    blocks.push(
      context(
        `❓ ${escapeText(info.actor.name)} asked: ${escapeText(truncate(info.question, 600))}` +
          (info.answer !== null ? `\n💬 ${escapeText(view.requester.name)} answered: ${escapeText(truncate(info.answer, 600))}` : ""),
      ),
    );
  }
  blocks.push(section(statusLine(view)));
  if (view.viewer.onBehalfOf && view.viewer.canDecide) blocks.push(context(`You decide as ${escapeText(view.viewer.onBehalfOf.name)}'s delegate.`));
  const buttons = viewerButtons(view);
  if (buttons.length) blocks.push(actions(buttons, `approval:${view.id}`));
  return { text: `Approval request ${view.reference}: ${escapeText(truncate(view.summary, 150))}`, blocks };
}

export const DECISION_FORMS: Record<DecisionAction, { title: string; submit: string }> = {
  approve: { title: "Approve", submit: "Approve" },
  decline: { title: "Decline", submit: "Decline" },
  ask_info: { title: "Ask for information", submit: "Send question" },
};

/** Approve (conditions, expiry), Decline (reason required) or Ask for info (question). */
export function decisionModal(action: DecisionAction, ref: DecisionRef & { reference?: string; summary?: string }): types.ModalView {
  const blocks: Block[] = [];
  if (ref.reference) blocks.push(context(`${escapeText(ref.reference)}${ref.summary ? `: ${escapeText(truncate(ref.summary, 300))}` : ""}`));
  if (action === "approve") {
    blocks.push(
      textInput("conditions", "Conditions (optional)", { multiline: true, optional: true, maxLength: 2000 }),
      dateInput("expiresOn", "Approval expires on (optional)", { optional: true }),
    );
  } else if (action === "decline") {
    blocks.push(textInput("reason", "Reason", { multiline: true, maxLength: 2000, hint: "The requester sees it." }));
  } else {
    blocks.push(textInput("question", "Your question", { multiline: true, maxLength: 2000, hint: "The request waits for the requester's answer." }));
  }
  return modal({
    callbackId: VIEWS.decision,
    title: DECISION_FORMS[action].title,
    submit: DECISION_FORMS[action].submit,
    privateMetadata: JSON.stringify({ r: ref.r, s: ref.s, o: ref.o, a: action }),
    blocks,
  });
}

export function answerModal(view: ApprovalView): types.ModalView {
  const open = view.infoRequests.filter((i) => i.answer === null).at(-1);
  return modal({
    callbackId: VIEWS.answerInfo,
    title: "Answer the question",
    submit: "Send answer",
    privateMetadata: JSON.stringify({ r: view.id }),
    blocks: [
      context(`${escapeText(view.reference)}: ${escapeText(truncate(view.summary, 300))}`),
      section(open ? `*${escapeText(open.actor.name)} asked:*\n${quoteBlock(truncate(open.question, 2000))}` : "There is no open question."),
      textInput("answer", "Your answer", { multiline: true, maxLength: 2000 }),
    ],
  });
}

function requestLine(view: ApprovalView): string {
  return `*${view.reference}* · ${escapeText(truncate(view.summary, 120))}\n${statusLine(view)}`;
}

/** `/conduct requests` and App Home: the person's own requests, and those waiting for them. */
export function myRequestsBlocks(mine: ApprovalView[], max = 10): Block[] {
  if (!mine.length) return [context(REQUESTS_WORDS.noneMine)];
  return mine.slice(0, max).flatMap((view) => {
    const buttons = viewerButtons(view);
    return [section(requestLine(view)), ...(buttons.length ? [actions(buttons)] : [])];
  });
}

export function waitingBlocks(waiting: WaitingItem[], max = 10): Block[] {
  if (!waiting.length) return [context(REQUESTS_WORDS.noneWaiting)];
  return waiting.slice(0, max).flatMap((item) => [
    section(`${requestLine(item.view)}\nFrom ${escapeText(item.view.requester.name)}${item.onBehalfOf ? ` · as ${escapeText(item.onBehalfOf.name)}'s delegate` : ""}`),
    actions(decisionButtons(item.view)),
  ]);
}

/** `/conduct requests` (src/interactions/requests.ts). */
export function requestsMessage(list: RequestsList): SlackMessage {
  const W = REQUESTS_WORDS;
  const more = (n: number) => (n ? [context(escapeText(W.more(n)))] : []);
  if (!list.waiting.length && !list.mine.length) return { text: W.none, blocks: [section(W.none)] };
  return {
    text: W.title,
    blocks: [header(W.waiting), ...waitingBlocks(list.waiting, list.waiting.length), ...more(list.moreWaiting), header(W.mine), ...myRequestsBlocks(list.mine, list.mine.length), ...more(list.moreMine)],
  };
}
