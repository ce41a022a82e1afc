import type { types } from "@slack/bolt";
import { LIMITS, OUTCOMES, type CaseStatus, type CaseSummary, type CaseView, type PrivateUpdate, type ReporterCaseSummary, type ReporterCaseView, type ThreadItem } from "../../../core/cases/index.ts";
import { reporterWording } from "../../../core/notifications/wording.ts";
import { CASE_ACTIONS, VIEWS } from "../ids.ts";
import { escapeText, quoteBlock, truncate } from "../text.ts";
import { actions, button, context, header, section, slackDate, textSections, type Block, type ButtonElement, type SlackMessage } from "./blocks.ts";
import type { CheckinAnswered } from "../../../interactions/reporterCase.ts";
import { capitalised, caseStateLabel, OUTCOME_LABELS, STATUS_LABELS } from "../../../interactions/caseLabels.ts";
import { checkboxInput, modal, selectInput, textInput, usersInput } from "./modal.ts";
import { receiptBlocks, ROUTED_TO_LABELS } from "./report.ts";
import { SLACK_INSERTS } from "./inserts.ts";

const THREAD_LABELS: Record<ThreadItem["kind"], string> = {
  to_reporter: "to the reporter",
  from_reporter: "from the reporter",
  note: "internal note",
};

const MAX_THREAD = 20;

/** A case's buttons for its handlers (messages, App Home). */
export function handlerButtons(caseNumber: string, status?: CaseStatus): ButtonElement[] {
  const buttons = [button(CASE_ACTIONS.open, "Open", caseNumber, "primary")];
  if (!status || status === "received") buttons.push(button(CASE_ACTIONS.acknowledge, "Acknowledge", caseNumber));
  buttons.push(button(CASE_ACTIONS.messageReporter, "Message reporter", caseNumber), button(CASE_ACTIONS.addNote, "Add internal note", caseNumber));
  if (status !== "closed") buttons.push(button(CASE_ACTIONS.reassign, "Reassign", caseNumber), button(CASE_ACTIONS.close, "Close", caseNumber, "danger"));
  return buttons;
}

export function reporterButtons(caseNumber: string): ButtonElement[] {
  return [button(CASE_ACTIONS.view, "View", caseNumber), button(CASE_ACTIONS.reply, "Reply", caseNumber, "primary")];
}

function threadBlocks(thread: ThreadItem[]): Block[] {
  if (!thread.length) return [context("No messages yet.")];
  const shown = thread.slice(-MAX_THREAD);
  const blocks: Block[] = [];
  if (shown.length < thread.length) blocks.push(context(`${thread.length - shown.length} earlier messages are not shown.`));
  for (const item of shown) {
    blocks.push(context(`*${escapeText(item.author)}* · ${THREAD_LABELS[item.kind]} · ${slackDate(item.at)}`));
    blocks.push(section(item.text === null ? "_(removed when the case was purged)_" : quoteBlock(truncate(item.text, 2800))));
  }
  return blocks;
}

/** What a handler sees when opening a case. In anonymous mode nothing names the reporter. */
export function caseViewModal(view: CaseView): types.ModalView {
  const reporter = view.reporter.kind === "named" ? escapeText(view.reporter.person.name) : `${escapeText(view.reporter.pseudonym)} (anonymous)`;
  const facts = [
    `*Category:* ${escapeText(view.categoryLabel)}${view.section ? ` (Code section ${escapeText(view.section)})` : ""}`,
    `*Status:* ${caseStateLabel(view)}${view.priority === "high" ? " · *high priority*" : ""}`,
    `*Reporter:* ${reporter}`,
    `*Filed:* ${slackDate(view.filedAt)} · sent to ${ROUTED_TO_LABELS[view.routedTo]}`,
    `*Acknowledge by:* ${slackDate(view.acknowledgeBy)}${view.acknowledgedAt ? ` (acknowledged ${slackDate(view.acknowledgedAt)})` : ""}`,
    ...(view.feedbackBy ? [`*Feedback by:* ${slackDate(view.feedbackBy)}${view.feedbackAt ? " (given)" : ""}`] : []),
    `*Handlers:* ${view.handlers.map((h) => escapeText(h.name)).join(", ")}`,
    ...(view.linkedCases.length ? [`*Linked cases:* ${view.linkedCases.map(escapeText).join(", ")}`] : []),
    ...(view.legalHold ? ["*Legal hold:* on"] : []),
  ];
  const blocks: Block[] = [section(facts.join("\n"))];
  if (view.report) {
    blocks.push(section("*What happened*"), ...textSections(quoteBlock(view.report.what), 6));
    const more = [
      ...(view.report.when ? [`*When:* ${escapeText(view.report.when)}`] : []),
      ...(view.report.where ? [`*Where:* ${escapeText(view.report.where)}`] : []),
      ...(view.report.involved.length ? [`*People involved:* ${view.report.involved.map((p) => escapeText(p.name)).join(", ")}`] : []),
    ];
    if (more.length) blocks.push(section(more.join("\n")));
  } else {
    blocks.push(section(`_The report's content was purged${view.purgedAt ? ` on ${slackDate(view.purgedAt, "{date_short_pretty}")}` : ""}._`));
  }
  blocks.push({ type: "divider" }, section("*Thread*"), ...threadBlocks(view.thread));
  blocks.push(context("Opening a case is recorded in its audit trail."));
  return modal({ callbackId: VIEWS.info, title: `Case ${view.number}`, blocks });
}

/** What the reporter sees of their case: status, receipt code, the exchange with the handlers (no internal notes), open check-ins. */
function reporterViewBlocks(view: ReporterCaseView): Block[] {
  const blocks: Block[] = [
    section(
      [
        `*Category:* ${escapeText(view.categoryLabel)}`,
        `*Status:* ${caseStateLabel(view)}`,
        `*Filed:* ${slackDate(view.filedAt)} · ${view.mode}`,
        `*Proof of filing:* \`${escapeText(view.receipt)}\``,
      ].join("\n"),
    ),
    { type: "divider" },
    section("*Messages*"),
    ...threadBlocks(view.thread),
  ];
  for (const day of view.openCheckins) {
    const value = `${view.number}|${day}`;
    blocks.push(
      section(`*Check-in, ${day} days after closing:* since you reported, have you faced retaliation of any kind? Your answer goes only to the people handling your report.`),
      actions([button(CASE_ACTIONS.checkinYes, "Yes", value, "danger"), button(CASE_ACTIONS.checkinNo, "No", value)]),
    );
  }
  return blocks;
}

export function reporterViewModal(view: ReporterCaseView): types.ModalView {
  return modal({ callbackId: VIEWS.info, title: `Case ${view.number}`, blocks: reporterViewBlocks(view) });
}

/**
 * An anonymous reporter's private update, opened from the neutral DM: what happened (the receipt in
 * full for a filing), then the case as they see it, with Reply. A modal is not message history.
 */
export function privateUpdateModal(update: PrivateUpdate): types.ModalView {
  const { notice, case: view } = update;
  const w = reporterWording(notice, SLACK_INSERTS);
  const blocks: Block[] = [header(w.title)];
  if (notice.kind === "case.reporter.filed") blocks.push(...receiptBlocks(notice.receipt));
  else if (w.lines.length) blocks.push(section(w.lines.filter(Boolean).join("\n")));
  blocks.push({ type: "divider" }, ...reporterViewBlocks(view), actions([button(CASE_ACTIONS.reply, "Reply", view.number, "primary")]));
  return modal({ callbackId: VIEWS.info, title: "Private update", blocks: blocks.slice(0, 100) });
}

/** A check-in once answered, in place of its message: what was answered and what happens next (no buttons left). */
export function checkinAnsweredMessage(answered: CheckinAnswered): SlackMessage & { blocks: Block[] } {
  return { text: answered.title, blocks: [section([`*${escapeText(answered.title)}*`, ...answered.lines.map(escapeText)].join("\n"))] };
}

/** The same, in place of the modal it was answered in (a private update, the case's View). */
export function checkinAnsweredModal(answered: CheckinAnswered): types.ModalView {
  return modal({ callbackId: VIEWS.info, title: "Check-in answered", blocks: checkinAnsweredMessage(answered).blocks });
}

export type CaseMessageKind = "to_reporter" | "note" | "from_reporter";

const MESSAGE_FORMS: Record<CaseMessageKind, { title: string; label: string; submit: string; note: string }> = {
  to_reporter: { title: "Message reporter", label: "Message to the reporter", submit: "Send", note: "The reporter sees this with your name. If they are anonymous, you never learn who they are." },
  note: { title: "Internal note", label: "Note for the case's handlers", submit: "Add note", note: "Only the case's handlers see notes; the reporter never does." },
  from_reporter: { title: "Reply", label: "Your message to the handlers", submit: "Send", note: "Sent through this form, your words stay out of the chat history." },
};

/** A message, note or reply form; private_metadata carries the case number and kind. */
export function caseMessageModal(caseNumber: string, kind: CaseMessageKind): types.ModalView {
  const form = MESSAGE_FORMS[kind];
  return modal({
    callbackId: VIEWS.caseMessage,
    title: form.title,
    submit: form.submit,
    privateMetadata: JSON.stringify({ n: caseNumber, k: kind }),
    blocks: [context(`Case ${caseNumber}`), textInput("text", form.label, { multiline: true, maxLength: Math.min(3000, LIMITS.message) }), context(form.note)],
  });
}

export function reassignModal(caseNumber: string): types.ModalView {
  return modal({
    callbackId: VIEWS.reassign,
    title: "Reassign case",
    submit: "Reassign",
    privateMetadata: JSON.stringify({ n: caseNumber }),
    blocks: [
      context(`Case ${caseNumber}`),
      usersInput("to", "Reassign to"),
      checkboxInput("stay", "Your access", [{ value: "stay", text: "Stay on the case as a handler too" }], { optional: true }),
      context("Nobody named in the report can be assigned (nor the reporter of a confidential report): the core refuses them."),
    ],
  });
}

export function closeModal(caseNumber: string): types.ModalView {
  return modal({
    callbackId: VIEWS.close,
    title: "Close case",
    submit: "Close case",
    privateMetadata: JSON.stringify({ n: caseNumber }),
    blocks: [
      context(`Case ${caseNumber}`),
      selectInput(
        "outcome",
        "Outcome",
        OUTCOMES.map((o) => ({ value: o, text: capitalised(OUTCOME_LABELS[o]) })),
      ),
      context("The reporter is told the case is closed and its outcome. Check-ins about retaliation follow at 30 and 90 days."),
    ],
  });
}

/** App Home lines. */
export function handlerCaseLines(cases: CaseSummary[]): Block[] {
  return cases.flatMap((c) => [
    section(
      `*${c.number}* · ${escapeText(c.categoryLabel)} · ${STATUS_LABELS[c.status]}${c.priority === "high" ? " · *high priority*" : ""}` +
        (c.status === "received" ? `\nAcknowledge by ${slackDate(c.acknowledgeBy, "{date_short_pretty}")}` : c.feedbackBy && c.status !== "closed" ? `\nFeedback by ${slackDate(c.feedbackBy, "{date_short_pretty}")}` : ""),
    ),
    { type: "actions", elements: handlerButtons(c.number, c.status).slice(0, 5) },
  ]);
}

export function reporterCaseLines(cases: ReporterCaseSummary[]): Block[] {
  return cases.flatMap((c) => [
    section(`*${c.number}* · ${escapeText(c.categoryLabel)} · ${caseStateLabel(c)} · filed ${slackDate(c.filedAt, "{date_short_pretty}")}`),
    { type: "actions", elements: reporterButtons(c.number) },
  ]);
}
