import type { App, BlockAction as BoltBlockAction } from "@slack/bolt";
import { z } from "zod";
import type { ApprovalDetails, ApprovalService, DecisionAction, DecisionInput } from "../../../core/approvals/index.ts";
import { decisionInteractions, MAIN_FIELD } from "../../../interactions/decision.ts";
import { notice } from "../../../interactions/reply.ts";
import type { ApprovalMessages } from "../approvalMessages.ts";
import { postDm } from "../conversations.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { APPROVAL_ACTIONS, VIEWS } from "../ids.ts";
import { answerModal, approvalCard, DECISION_FORMS, decisionModal, REQUEST_BLOCKS, requestBlockFor, statusLine } from "../render/approvals.ts";
import { loadingModal, noticeModal, replyModal } from "../render/modal.ts";
import { markdownMessage, plainMessage } from "../render/notices.ts";
import { identifyAll, type SlackCores } from "../services.ts";
import { NOT_SAVED } from "../../../interactions/reply.ts";
import { metadataOf, viewState } from "../viewState.ts";
import { withAction, withSubmission } from "./handlers.ts";


const decisionRefSchema = z.object({ r: z.string().min(1).max(64), s: z.number().int().min(0), o: z.string().max(128).nullable() });
const requestIdSchema = z.string().min(1).max(64);
const DECISION_ACTIONS: Array<[string, DecisionAction]> = [
  [APPROVAL_ACTIONS.approve, "approve"],
  [APPROVAL_ACTIONS.decline, "decline"],
  [APPROVAL_ACTIONS.askInfo, "ask_info"],
];

type Cores = SlackCores & { approvals: ApprovalService };

/**
 * The Approve flow in Slack: the request form, the approvers' Approve / Decline / Ask for info
 * modals, the requester's answer and withdrawal. Decisions, who may make them and what a late
 * click means are the approvals core's; after every change each remembered DM of the request is
 * re-drawn for its reader, so buttons that no longer apply disappear.
 */
export function approvalListeners(cores: Cores, messages: ApprovalMessages, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { approvals, directory } = cores;
    const decisions = decisionInteractions(approvals, deps.logger);

    const refresh = (client: WebClient, requestId: string) =>
      messages.refresh(client, requestId).catch((error: unknown) => {
        deps.logger.warn({ err: { type: (error as Error)?.name } }, "could not update an approval message");
        return 0;
      });

    // ── The request form ───────────────────────────────────────────────────────────────────────
    app.view(
      VIEWS.approvalRequest,
      withSubmission(deps, async ({ submission, ack, client, me: sender }) => {
        const { user, view } = submission;
        const topicId = metadataOf(view).topicId;
        if (typeof topicId !== "string") return void (await ack());
        const state = viewState(view);
        const errors = (blockId: string, message: string) => ack({ response_action: "errors", errors: { [blockId]: message } });
        let result;
        let notice: string | undefined;
        try {
          const me = await sender();
          if (!me.person) return void (await errors(REQUEST_BLOCKS.summary, me.why));
          notice = me.notice;
          const involved = await identifyAll(directory, client, state.users(REQUEST_BLOCKS.involved));
          if (involved.unknown) return void (await errors(REQUEST_BLOCKS.involved, "Someone you chose could not be found in the company directory."));
          const details: ApprovalDetails = {};
          const amount = state.text(REQUEST_BLOCKS.amount);
          if (amount !== undefined) {
            const value = Number(amount);
            if (!Number.isFinite(value)) return void (await errors(REQUEST_BLOCKS.amount, "Enter a number"));
            details.amount = value;
          }
          const text = (blockId: string) => state.text(blockId)?.trim() || undefined;
          const currency = text(REQUEST_BLOCKS.currency);
          if (currency) details.currency = currency.toUpperCase();
          for (const field of ["giver", "organisation", "position"] as const) {
            const value = text(REQUEST_BLOCKS[field]);
            if (value) details[field] = value;
          }
          for (const field of ["date", "endDate"] as const) {
            const value = state.date(REQUEST_BLOCKS[field]);
            if (value) details[field] = value;
          }
          result = await approvals.request(
            { requesterId: me.person.id, topicId, summary: state.text(REQUEST_BLOCKS.summary) ?? "", details, involvedIds: involved.ids },
            view.id,
          );
        } catch (error) {
          deps.logger.error({ err: { type: (error as Error)?.name } }, "an approval request could not be saved");
          return void (await errors(REQUEST_BLOCKS.summary, NOT_SAVED));
        }
        if (result.kind === "rejected") return void (await errors(requestBlockFor(result.field), result.message));
        await ack();
        if (!result.replayed) {
          const lead = `${notice ? `${notice}\n` : ""}📤 *Sent.* You will get the decision here.`;
          try {
            const posted = await postDm(client, user.id, approvalCard(result.view, lead));
            await messages.track(result.view.id, { ...posted, personId: result.view.requester.id });
          } catch (error) {
            deps.logger.warn({ err: { type: (error as Error)?.name } }, "the request was made but its copy could not be posted");
          }
        }
        await refreshHome(client, user.id);
      }),
    );

    // ── Approvers ──────────────────────────────────────────────────────────────────────────────
    for (const [actionId, decision] of DECISION_ACTIONS) {
      app.action<BoltBlockAction>(
        actionId,
        withAction(deps, async (interaction, action) => {
          const ref = decisionRefSchema.safeParse(safeJson(action.actions[0]!.value));
          if (!ref.success) return;
          await interaction.client.views.open({ trigger_id: interaction.triggerId, view: decisionModal(decision, ref.data) });
        }),
      );
    }

    app.view(
      VIEWS.decision,
      withSubmission(deps, async ({ submission, ack, client, me: sender }) => {
        const { user, view } = submission;
        const meta = metadataOf(view);
        const ref = decisionRefSchema.safeParse(meta);
        const action = DECISION_ACTIONS.find(([, a]) => a === meta.a)?.[1];
        if (!ref.success || !action) return void (await ack());
        const state = viewState(view);
        const main = MAIN_FIELD[action];
        const input: DecisionInput = { action, stage: ref.data.s, ...(ref.data.o ? { onBehalfOf: ref.data.o } : {}) };
        const conditions = state.text("conditions")?.trim();
        if (action === "approve" && conditions) input.conditions = conditions;
        const expiresOn = state.date("expiresOn");
        if (action === "approve" && expiresOn) input.expiresOn = expiresOn;
        if (action === "decline") input.reason = state.text("reason") ?? "";
        if (action === "ask_info") input.question = state.text("question") ?? "";
        const me = await sender();
        if (!me.person) return void (await ack({ response_action: "errors", errors: { [main]: me.why } }));
        // The modal's id is the same on a re-delivery of this submission: the core records it once.
        const { reply } = await decisions.decide(me, ref.data.r, input, view.id);
        if (reply.kind === "field_errors") return void (await ack({ response_action: "errors", errors: { ...reply.errors } }));
        // A late click is told so in the modal; otherwise it closes and the request's messages are re-drawn.
        await ack(reply.kind === "notice" ? { response_action: "update", view: replyModal(DECISION_FORMS[action].title, reply) } : undefined);
        await refresh(client, ref.data.r);
        await refreshHome(client, user.id);
      }),
    );

    // ── The requester ──────────────────────────────────────────────────────────────────────────
    app.action<BoltBlockAction>(
      APPROVAL_ACTIONS.answer,
      withAction(deps, async (interaction, action, _respond, sender) => {
        const requestId = requestIdSchema.safeParse(action.actions[0]!.value);
        if (!requestId.success) return;
        const opened = await interaction.client.views.open({ trigger_id: interaction.triggerId, view: loadingModal("Answer the question") });
        const viewId = (opened as { view?: { id?: string } }).view?.id;
        const me = await sender();
        const view = me.person ? await approvals.get(requestId.data, me.person.id) : null;
        const next = !view ? noticeModal("Answer the question", "There is no such approval request.") : view.viewer.canAnswer ? answerModal(view) : noticeModal("Answer the question", `Nothing to answer: ${statusLine(view)}`);
        if (viewId) await interaction.client.views.update({ view_id: viewId, view: next });
      }),
    );

    app.view(
      VIEWS.answerInfo,
      withSubmission(deps, async ({ submission, ack, client, me: sender }) => {
        const { user, view } = submission;
        const requestId = requestIdSchema.safeParse(metadataOf(view).r);
        if (!requestId.success) return void (await ack());
        const me = await sender();
        if (!me.person) return void (await ack({ response_action: "errors", errors: { answer: me.why } }));
        const reply = await decisions.answer(me, requestId.data, viewState(view).text("answer") ?? "");
        if (reply.kind === "field_errors") return void (await ack({ response_action: "errors", errors: { ...reply.errors } }));
        await ack({ response_action: "update", view: replyModal("Answer the question", reply.kind === "notice" ? reply : notice("Answer sent", [reply.note])) });
        if (reply.kind === "approval" && reply.changed) await refresh(client, requestId.data);
        await refreshHome(client, user.id);
      }),
    );

    app.action<BoltBlockAction>(
      APPROVAL_ACTIONS.withdraw,
      withAction(deps, async (interaction: Interaction, action, _respond, sender) => {
        const requestId = requestIdSchema.safeParse(action.actions[0]!.value);
        if (!requestId.success) return;
        const me = await sender();
        if (!me.person) return interaction.replyPrivately(plainMessage(me.why));
        const result = await approvals.withdraw(me.person.id, requestId.data);
        if (result.kind === "rejected") return interaction.replyPrivately(plainMessage(result.message));
        if (result.kind === "not_pending") return interaction.replyPrivately(markdownMessage(`${result.view.reference} can no longer be withdrawn: ${statusLine(result.view)}`));
        await refresh(interaction.client, requestId.data);
        await interaction.replyPrivately(markdownMessage(`↩️ ${result.view.reference} is withdrawn; its approvers were told.`));
        await refreshHome(interaction.client, interaction.userId);
      }),
    );
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
