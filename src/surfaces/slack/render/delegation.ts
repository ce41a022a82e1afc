import type { types } from "@slack/bolt";
import type { DelegateView } from "../../../core/approvals/index.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { escapeText } from "../text.ts";
import { DELEGATION_WORDS, delegationLine as wordedLine, type DelegationField } from "../../../interactions/delegation.ts";
import { actions, button, context, section, type Block } from "./blocks.ts";
import { checkboxInput, dateInput, modal, usersInput } from "./modal.ts";

/** The delegate form's block ids: the interaction's field names, so its errors land next to their field. */
export const DELEGATE_BLOCKS = { delegate: "delegate", until: "until", stop: "stop" } as const satisfies Record<DelegationField | "stop", string>;
export const STOP_VALUE = "stop";

/** "🤝 Helen Park decides your approvals …" (the line is the interaction's; escaped here). */
export function delegationLine(delegation: DelegateView | null): string {
  return `🤝 ${escapeText(wordedLine(delegation))}`;
}

/**
 * "Delegate approvals": whom to let decide while away (a users picker), until when, and, when a
 * delegation is in force, a way to stop it. The core says who may be chosen.
 */
export function delegateModal(current: DelegateView | null): types.ModalView {
  const w = DELEGATION_WORDS;
  const blocks: Block[] = [context(w.intro)];
  if (current) blocks.push(section(`Now: ${delegationLine(current)}`));
  blocks.push(
    usersInput(DELEGATE_BLOCKS.delegate, w.delegateLabel(current), { optional: current !== null }),
    dateInput(DELEGATE_BLOCKS.until, w.untilLabel, { optional: true, hint: w.untilHint }),
  );
  if (current) blocks.push(checkboxInput(DELEGATE_BLOCKS.stop, w.stopLabel, [{ value: STOP_VALUE, text: w.stopOption }], { optional: true }));
  return modal({ callbackId: VIEWS.delegate, title: w.title, submit: w.submit(current), blocks });
}

/** App Home, under "Waiting for my approval": the delegation in force, and the button to set or change it. */
export function delegationBlocks(current: DelegateView | null): Block[] {
  return [
    context(current ? delegationLine(current) : DELEGATION_WORDS.invite),
    actions([button(APPROVAL_ACTIONS.delegate, DELEGATION_WORDS.open(current), "home")], "approval.delegation"),
  ];
}
