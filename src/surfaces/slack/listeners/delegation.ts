import type { App, BlockAction as BoltBlockAction } from "@slack/bolt";
import type { ApprovalService, SetDelegateResult } from "../../../core/approvals/index.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { DELEGATE_BLOCKS, delegateBlockFor, STOP_VALUE } from "../render/delegation.ts";
import { noticeModal } from "../render/modal.ts";
import { identify, NOT_IDENTIFIED, type SlackCores } from "../services.ts";
import { viewState } from "../viewState.ts";
import { claimSubmission, withAction, withSubmission } from "./handlers.ts";

const NOT_SAVED = "Not saved: the service cannot reach its database right now. Please try again in a few minutes.";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Cores = SlackCores & { approvals: ApprovalService };

/**
 * Delegation of approvals (src/core/approvals/delegates.ts): an approver names someone who decides
 * for them while they are away, until a day or until they stop it. Who may be named is the core's
 * rule; this only reads the form and shows the core's answer next to its field.
 */
export function delegationListeners(cores: Cores, openForm: (interaction: Interaction) => Promise<void>, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { approvals, directory } = cores;

    app.action<BoltBlockAction>(APPROVAL_ACTIONS.delegate, withAction(deps, (interaction) => openForm(interaction)));

    app.view(
      VIEWS.delegate,
      withSubmission(deps, async ({ submission, ack, client, retryNum }) => {
        const { user, view } = submission;
        const state = viewState(view);
        const errors = (blockId: string, message: string) => ack({ response_action: "errors", errors: { [blockId]: message } });
        const stop = state.checked(DELEGATE_BLOCKS.stop).includes(STOP_VALUE);
        const chosen = state.user(DELEGATE_BLOCKS.delegate);
        const untilDay = state.date(DELEGATE_BLOCKS.until);
        if (!stop && !chosen) return void (await errors(DELEGATE_BLOCKS.delegate, "Choose who decides for you."));
        if (!stop && untilDay !== undefined && !DATE.test(untilDay)) return void (await errors(DELEGATE_BLOCKS.until, "Choose a day."));

        let result: SetDelegateResult;
        let claim: Awaited<ReturnType<typeof claimSubmission>> | undefined;
        try {
          const me = await identify(directory, client, user.id);
          if (!me.person) return void (await errors(DELEGATE_BLOCKS.delegate, me.why));
          let delegateId: string | null = null;
          if (!stop) {
            const delegate = await identify(directory, client, chosen!, "named");
            if (!delegate.person) return void (await errors(DELEGATE_BLOCKS.delegate, "The person you chose could not be found in the company directory."));
            delegateId = delegate.person.id;
          }
          // Naming a delegate tells them: a re-delivery of the same submission must not do it twice.
          claim = await claimSubmission(deps, view.id, retryNum);
          if (claim.duplicate) return void (await ack());
          result = await approvals.setDelegate(me.person.id, delegateId, untilDay ? { until: new Date(`${untilDay}T23:59:59.999Z`) } : {});
        } catch (error) {
          await claim?.release();
          deps.logger.error({ err: { type: (error as Error)?.name } }, "a delegation could not be saved");
          return void (await errors(DELEGATE_BLOCKS.delegate, NOT_SAVED));
        }
        if (result.kind === "rejected") {
          await claim?.release(); // the corrected form must go through
          return void (await errors(delegateBlockFor(result.field), result.message));
        }
        const done =
          result.kind === "cleared"
            ? result.had
              ? "You decide your approvals yourself again; your delegate no longer decides for you."
              : "You had no delegate: your approvals already wait for you."
            : `${result.delegation.delegate.name} now decides your approvals for you${result.delegation.until ? ` until the end of ${result.delegation.until.toISOString().slice(0, 10)} (UTC)` : " until you stop it"}. They were told.`;
        await ack({ response_action: "update", view: noticeModal("Delegate approvals", done) });
        await refreshHome(client, user.id);
      }),
    );
  };
}
