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

export const BLOCKS = {
  askActions: "ask.actions",
  feedbackDone: "ask.feedback_done",
} as const;

export const SHORTCUTS = {
  /** Global shortcut "Report a concern" (manifests/slack/manifest.yaml). */
  reportConcern: "report_concern",
} as const;

export const VIEWS = {
  notYetAvailable: "info.not_yet_available",
} as const;

/** The slash command (manifests/slack/manifest.yaml). */
export const COMMAND = "/conduct";
