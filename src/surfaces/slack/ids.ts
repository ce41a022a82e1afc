/**
 * Every Block Kit action_id, shortcut callback_id and view callback_id the Slack surface uses,
 * in one place, so the listener that handles an id and the renderer that emits it agree.
 */
export const ACTIONS = {
  /** value: the rules-file topic id that needs approval. */
  requestApproval: "ask.request_approval",
  /** value: the clause id the answer relied on (may be NO_CLAUSE). */
  reportConcern: "ask.report_concern",
  /** value: the clause id the answer relied on (may be NO_CLAUSE). */
  askPerson: "ask.ask_person",
  /** value: the clause id the answer relied on (may be NO_CLAUSE). */
  feedbackUp: "ask.feedback_up",
  feedbackDown: "ask.feedback_down",
} as const;

/** Buttons on case messages and in App Home. value: the case number (check-ins: "<number>|<day>"). */
export const CASE_ACTIONS = {
  /** App Home: opens the report form. */
  report: "report.start",
  /** App Home: opens the receipt check form. */
  checkReceipt: "receipt.check",
  // A case's handlers
  open: "case.open",
  acknowledge: "case.acknowledge",
  messageReporter: "case.message_reporter",
  addNote: "case.add_note",
  reassign: "case.reassign",
  close: "case.close",
  // The reporter
  view: "case.reporter_view",
  reply: "case.reporter_reply",
  checkinYes: "case.checkin_yes",
  checkinNo: "case.checkin_no",
  /** An anonymous reporter's neutral DM: opens the notice in a modal. value: the notice's opaque id (never a case number). */
  privateUpdate: "case.private_update",
} as const;

/** Buttons on approval messages. value: JSON { r: request id, s: stage, o: on behalf of } (decisions) or the request id. */
export const APPROVAL_ACTIONS = {
  approve: "approval.approve",
  decline: "approval.decline",
  askInfo: "approval.ask_info",
  answer: "approval.answer",
  withdraw: "approval.withdraw",
  /** App Home, `/conduct delegate`: opens the delegate form (value: where it was clicked). */
  delegate: "approval.delegate",
} as const;

export const BLOCKS = {
  askActions: "ask.actions",
  /** The "You asked: …" line of an answer (Request approval prefills the form from it). */
  question: "ask.question",
  feedbackDone: "ask.feedback_done",
} as const;

export const SHORTCUTS = {
  /** Global shortcut "Report a concern" (manifests/slack/manifest.yaml). */
  reportConcern: "report_concern",
} as const;

export const VIEWS = {
  notYetAvailable: "info.not_yet_available",
  /** A modal that only shows something (case views, loading, notices). */
  info: "info.view",
  report: "report.form",
  /** private_metadata: { n: case number, k: "to_reporter" | "note" | "from_reporter" } */
  caseMessage: "case.message_form",
  reassign: "case.reassign_form",
  close: "case.close_form",
  /** A case number and a proof-of-filing code to check. */
  receiptCheck: "receipt.check_form",
  approvalRequest: "approval.request_form",
  /** private_metadata: { r, s, o, a: action, c: channel } */
  decision: "approval.decision_form",
  answerInfo: "approval.answer_form",
  /** Naming (or clearing) a delegate who decides one's approvals while away. */
  delegate: "approval.delegate_form",
} as const;

/** In modals every input has action_id VALUE; its block_id names the field (errors are keyed by it). */
export const VALUE = "value";

/** Message metadata on the bot's DMs about a case, so replies typed in their thread find the case. */
export const CASE_THREAD_EVENT = { reporter: "conduct_case_reporter", handler: "conduct_case_handler" } as const;

/** The slash command (manifests/slack/manifest.yaml). */
export const COMMAND = "/conduct";
