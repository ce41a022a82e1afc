import type { DelegationInteractions } from "../../../interactions/delegation.ts";
import { DELEGATION_WORDS } from "../../../interactions/delegation.ts";
import type { Interaction } from "../deps.ts";
import { delegateModal } from "../render/delegation.ts";
import { loadingModal, noticeModal } from "../render/modal.ts";

/**
 * "Delegate approvals" (App Home button, `/conduct delegate`): the modal opens at once (the
 * trigger lasts 3 seconds) and is filled with the delegation in force, if any.
 */
export function openDelegateFormFlow(delegation: DelegationInteractions) {
  return async ({ client, triggerId, sender }: Interaction): Promise<void> => {
    const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(DELEGATION_WORDS.title) });
    const viewId = (opened as { view?: { id?: string } }).view?.id;
    if (!viewId) return;
    const me = await sender();
    const view = me.person ? delegateModal((await delegation.show(me)).current) : noticeModal(DELEGATION_WORDS.title, me.why);
    await client.views.update({ view_id: viewId, view });
  };
}
