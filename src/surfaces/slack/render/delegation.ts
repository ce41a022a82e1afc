import type { types } from "@slack/bolt";
import type { DelegateView } from "../../../core/approvals/index.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { escapeText } from "../text.ts";
import { actions, button, context, section, slackDate, type Block } from "./blocks.ts";
import { checkboxInput, dateInput, modal, usersInput } from "./modal.ts";

/** The delegate form's block ids (errors are keyed by them). */
export const DELEGATE_BLOCKS = { delegate: "delegate", until: "until", stop: "stop" } as const;
export const STOP_VALUE = "stop";

/** The core's `field` ("delegateId", "until") → the block to show it next to. */
export function delegateBlockFor(field: string | undefined): string {
  return field === "until" ? DELEGATE_BLOCKS.until : DELEGATE_BLOCKS.delegate;
}

/** "Helen Park decides your approvals until …" (names escaped). */
export function delegationLine(delegation: DelegateView): string {
  return `🤝 *${escapeText(delegation.delegate.name)}* decides your approvals for you${delegation.until ? ` until ${slackDate(delegation.until)}` : " until you stop it"}.`;
}

/**
 * "Delegate approvals": whom to let decide while away (a users picker), until when, and, when a
 * delegation is in force, a way to stop it. The core says who may be chosen.
 */
export function delegateModal(current: DelegateView | null): types.ModalView {
  const blocks: Block[] = [
    context(
      "While you are away, the person you choose can approve, decline or ask for information on every approval request waiting for you, including new ones. Each decision records both names, and they are told.",
    ),
  ];
  if (current) blocks.push(section(`Now: ${delegationLine(current)}`));
  blocks.push(
    usersInput(DELEGATE_BLOCKS.delegate, current ? "Choose someone else" : "Who decides for you", { optional: current !== null }),
    dateInput(DELEGATE_BLOCKS.until, "Until (optional)", { optional: true, hint: "Through the end of that day (UTC). Leave it empty to delegate until you stop it." }),
  );
  if (current) {
    blocks.push(checkboxInput(DELEGATE_BLOCKS.stop, "Stop delegating", [{ value: STOP_VALUE, text: "Stop now: requests wait for me again" }], { optional: true }));
  }
  return modal({ callbackId: VIEWS.delegate, title: "Delegate approvals", submit: current ? "Save" : "Delegate", blocks });
}

/** App Home, under "Waiting for my approval": the delegation in force, and the button to set or change it. */
export function delegationBlocks(current: DelegateView | null): Block[] {
  return [
    context(current ? delegationLine(current) : "Going away? Name a delegate who decides your approvals meanwhile."),
    actions([button(APPROVAL_ACTIONS.delegate, current ? "Change delegate" : "Delegate approvals", "home")], "approval.delegation"),
  ];
}
