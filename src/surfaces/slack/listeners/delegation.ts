import type { App, BlockAction as BoltBlockAction } from "@slack/bolt";
import { DELEGATION_WORDS, type DelegationInteractions } from "../../../interactions/delegation.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { DELEGATE_BLOCKS, STOP_VALUE } from "../render/delegation.ts";
import { replyModal } from "../render/modal.ts";
import { NOT_SAVED } from "../../../interactions/reply.ts";
import { identify, type SlackCores } from "../services.ts";
import { viewState } from "../viewState.ts";
import { claimSubmission, withAction, withSubmission } from "./handlers.ts";

/**
 * Delegation of approvals in Slack (src/interactions/delegation.ts): reads the modal, names the
 * chosen Slack user as a directory person, and shows the interaction's answer.
 */
export function delegationListeners({ directory }: SlackCores, delegation: DelegationInteractions, openForm: (interaction: Interaction) => Promise<void>, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    app.action<BoltBlockAction>(APPROVAL_ACTIONS.delegate, withAction(deps, (interaction) => openForm(interaction)));

    app.view(
      VIEWS.delegate,
      withSubmission(deps, async ({ submission, ack, client, retryNum, me: sender }) => {
        const { user, view } = submission;
        const state = viewState(view);
        const errors = (blockId: string, message: string) => ack({ response_action: "errors", errors: { [blockId]: message } });
        const stop = state.checked(DELEGATE_BLOCKS.stop).includes(STOP_VALUE);
        const chosen = state.user(DELEGATE_BLOCKS.delegate);
        const untilDay = state.date(DELEGATE_BLOCKS.until);
        const me = await sender();
        if (!me.person) return void (await errors(DELEGATE_BLOCKS.delegate, me.why));
        const delegate = !stop && chosen ? await identify(directory, client, chosen, "named").catch(() => null) : undefined;
        if (delegate === null) return void (await errors(DELEGATE_BLOCKS.delegate, NOT_SAVED));
        // Naming a delegate tells them: a re-delivery of the same submission must not do it twice.
        const claim = await claimSubmission(deps, view.id, retryNum);
        if (claim.duplicate) return void (await ack());
        const reply = await delegation.save(me, {
          stop,
          ...(delegate ? { delegateId: delegate.person?.id ?? null } : {}),
          ...(untilDay !== undefined ? { until: untilDay } : {}),
        });
        if (reply.kind === "field_errors") {
          await claim.release(); // the corrected form must go through
          return void (await ack({ response_action: "errors", errors: { ...reply.errors } }));
        }
        await ack({ response_action: "update", view: replyModal(DELEGATION_WORDS.title, reply) });
        await refreshHome(client, user.id);
      }),
    );
  };
}
