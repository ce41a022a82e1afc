import type { App, BlockAction as BoltBlockAction, types } from "@slack/bolt";
import { z } from "zod";
import type { CaseService } from "../../../core/cases/index.ts";
import { UPDATE_GONE } from "../../../core/cases/reporter.ts";
import type { Actor } from "../../../interactions/actor.ts";
import type { CaseReply, CaseShown, HandlerCaseInteractions } from "../../../interactions/handlerCase.ts";
import { fieldError, notice, NOT_SAVED, replyText, type Notice } from "../../../interactions/reply.ts";
import type { PrivateUpdateShown, ReporterCaseInteractions, ReporterCaseShown } from "../../../interactions/reporterCase.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { CASE_ACTIONS, VIEWS } from "../ids.ts";
import type { BlockAction } from "../payloads.ts";
import { context } from "../render/blocks.ts";
import { caseMessageModal, caseViewModal, checkinAnsweredMessage, checkinAnsweredModal, closeModal, privateUpdateModal, reassignModal, reporterViewModal, type CaseMessageKind } from "../render/cases.ts";
import { loadingModal, noticeModal, replyModal } from "../render/modal.ts";
import { plainMessage } from "../render/notices.ts";
import type { Sender } from "../sender.ts";
import { identify, type SlackCores } from "../services.ts";
import { metadataOf, viewState } from "../viewState.ts";
import { claimSubmission, withAction, withSubmission, type Submission } from "./handlers.ts";

const caseNumberSchema = z.string().regex(/^C-\d{4}-\d{1,8}$/);

type Cores = SlackCores & { cases: CaseService };
type ModalView = types.ModalView;

/** What the report buttons and forms run (src/interactions/handlerCase.ts, reporterCase.ts). */
export interface CaseInteractions {
  handler: HandlerCaseInteractions;
  reporter: ReporterCaseInteractions;
}

/** The button sits in a modal (not App Home, not a message). */
const inModal = (action: BlockAction) => Boolean(action.container.view_id) && action.view?.type === "modal";

/**
 * The Report flow in Slack: the report form, the handlers' buttons (Open, Acknowledge, Message
 * reporter, Add internal note, Reassign, Close) and the reporter's (View, Reply, check-in answers).
 * Every decision is the cases core's; anyone who is not a handler or the reporter gets "No such case."
 */
export function reportListeners({ directory }: Cores, { handler, reporter }: CaseInteractions, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const caseOf = (action: BlockAction) => caseNumberSchema.safeParse(action.actions[0]!.value.split("|")[0]);

    /** A button whose value is a case number; a malformed one is ignored. */
    const onCase = (actionId: string, handle: (interaction: Interaction, caseNumber: string, action: BlockAction, me: Sender) => Promise<void>) =>
      app.action<BoltBlockAction>(
        actionId,
        withAction(deps, async (interaction, action, _respond, me) => {
          const number = caseOf(action);
          if (number.success) await handle(interaction, number.data, action, me);
        }),
      );

    /** Opens a modal at once, then fills it (the trigger lasts 3 seconds; the core may take longer). */
    const openThenFill = async (interaction: Interaction, title: string, fill: () => Promise<Parameters<WebClient["views"]["update"]>[0]["view"]>) => {
      const opened = await interaction.client.views.open({ trigger_id: interaction.triggerId, view: loadingModal(title) });
      const viewId = (opened as { view?: { id?: string } }).view?.id;
      const view = await fill().catch((error: unknown) => {
        deps.logger.warn({ err: { type: (error as Error)?.name } }, "could not load a case");
        return noticeModal(title, "This could not be loaded right now. Please try again in a few minutes.");
      });
      if (viewId) await interaction.client.views.update({ view_id: viewId, view });
    };

    /** Fills the modal with what the interaction shows the person (a case, an update), or what it says instead. */
    const showInModal = <Shown extends { kind: string }>(interaction: Interaction, title: string, sender: Sender, find: (me: Actor) => Promise<Shown | Notice>, draw: (shown: Shown) => ModalView) =>
      openThenFill(interaction, title, async () => {
        const me = await sender();
        if (!me.person) return noticeModal(title, me.why);
        const shown = await find(me);
        return shown.kind === "notice" ? replyModal(title, shown as Notice) : draw(shown as Shown);
      });

    // ── The report form ────────────────────────────────────────────────────────────────────────
    app.action<BoltBlockAction>(CASE_ACTIONS.report, withAction(deps, (interaction) => deps.flows.startReport(interaction, {})));

    // ── A case's handlers ──────────────────────────────────────────────────────────────────────
    onCase(CASE_ACTIONS.open, (interaction, number, _action, sender) =>
      showInModal(interaction, `Case ${number}`, sender, (me) => handler.open(me, number), (shown: CaseShown) => caseViewModal(shown.view)),
    );

    onCase(CASE_ACTIONS.acknowledge, async (interaction, number, _action, sender) => {
      const me = await sender();
      const reply = me.person ? await handler.acknowledge(me, number) : null;
      await interaction.replyPrivately(plainMessage(reply ? replyText(reply) : me.why!));
      if (reply?.kind === "case_done") await refreshHome(interaction.client, interaction.userId);
    });

    /** A form over the modal the button sits in (a private update, a case view), or a new one. */
    const messageForm = (kind: CaseMessageKind) => async (interaction: Interaction, number: string, action: BlockAction) => {
      const view = caseMessageModal(number, kind);
      if (inModal(action)) await interaction.client.views.push({ trigger_id: interaction.triggerId, view });
      else await interaction.client.views.open({ trigger_id: interaction.triggerId, view });
    };
    onCase(CASE_ACTIONS.messageReporter, messageForm("to_reporter"));
    onCase(CASE_ACTIONS.addNote, messageForm("note"));
    onCase(CASE_ACTIONS.reassign, async (interaction, number) => void (await interaction.client.views.open({ trigger_id: interaction.triggerId, view: reassignModal(number) })));
    onCase(CASE_ACTIONS.close, async (interaction, number) => void (await interaction.client.views.open({ trigger_id: interaction.triggerId, view: closeModal(number) })));

    // ── The reporter ───────────────────────────────────────────────────────────────────────────
    onCase(CASE_ACTIONS.view, (interaction, number, _action, sender) =>
      showInModal(interaction, `Case ${number}`, sender, (me) => reporter.view(me, number), (shown: ReporterCaseShown) => reporterViewModal(shown.view)),
    );
    onCase(CASE_ACTIONS.reply, messageForm("from_reporter"));

    // An anonymous reporter's neutral DM: its value is only the notice's opaque id; the core shows it to its own reporter.
    const updateId = z.string().uuid();
    app.action<BoltBlockAction>(
      CASE_ACTIONS.privateUpdate,
      withAction(deps, async (interaction, action, _respond, sender) => {
        const id = updateId.safeParse(action.actions[0]!.value);
        const find = async (me: Actor) => (id.success ? reporter.privateUpdate(me, id.data) : notice("Private update", [UPDATE_GONE]));
        await showInModal(interaction, "Private update", sender, find, (shown: PrivateUpdateShown) => privateUpdateModal(shown.update));
      }),
    );

    for (const [actionId, answer] of [[CASE_ACTIONS.checkinYes, "yes"], [CASE_ACTIONS.checkinNo, "no"]] as const) {
      onCase(actionId, async (interaction, number, action, sender) => {
        const day = Number(action.actions[0]!.value.split("|")[1]);
        if (!Number.isInteger(day)) return;
        const me = await sender();
        const reply = me.person ? await reporter.answerCheckin(me, number, day, answer) : null;
        if (reply?.kind !== "checkin_answered") return interaction.replyPrivately(plainMessage(reply ? replyText(reply) : me.why!));
        const channel = action.container.channel_id ?? action.channel?.id;
        const ts = action.container.message_ts ?? action.message?.ts;
        const message = checkinAnsweredMessage(reply);
        // Answered in a modal (a private update, the case's View): the answer replaces it, out of the chat history.
        if (inModal(action)) await interaction.client.views.update({ view_id: action.container.view_id!, view: checkinAnsweredModal(reply) });
        else if (channel && ts) await interaction.client.chat.update({ channel, ts, ...message, blocks: [...message.blocks, context(`Answered ${new Date().toISOString().slice(0, 10)}`)] });
        else await interaction.replyPrivately(message);
        await refreshHome(interaction.client, interaction.userId);
      });
    }

    // ── Forms behind the buttons ───────────────────────────────────────────────────────────────
    /**
     * Runs a case form once (re-deliveries are dropped): the interaction's answer in place of the
     * form, or the form again with the problem next to its field (the text kept).
     */
    const caseForm = async (s: Submission, field: string, run: (me: Actor) => Promise<CaseReply<string>>) => {
      const me = await s.me();
      if (!me.person) return void (await s.ack({ response_action: "errors", errors: { [field]: me.why } }));
      let claim: Awaited<ReturnType<typeof claimSubmission>>;
      try {
        claim = await claimSubmission(deps, s.submission.view.id, s.retryNum);
      } catch (error) {
        deps.logger.error({ err: { type: (error as Error)?.name } }, "a case form could not be saved");
        return void (await s.ack({ response_action: "errors", errors: { [field]: NOT_SAVED } }));
      }
      if (claim.duplicate) return void (await s.ack());
      const reply = await run(me);
      if (reply.kind !== "case_done") await claim.release(); // the corrected form must go through
      if (reply.kind === "field_errors") return void (await s.ack({ response_action: "errors", errors: reply.errors as Record<string, string> }));
      await s.ack({ response_action: "update", view: replyModal(reply.title, reply) });
      if (reply.kind === "case_done") await refreshHome(s.client, s.submission.user.id);
    };

    app.view(
      VIEWS.caseMessage,
      withSubmission(deps, async (s) => {
        const meta = metadataOf(s.submission.view);
        const number = caseNumberSchema.safeParse(meta.n);
        if (!number.success) return void (await s.ack());
        const text = viewState(s.submission.view).text("text") ?? "";
        const n = number.data;
        switch (meta.k) {
          case "to_reporter":
            return caseForm(s, "text", (me) => handler.messageReporter(me, n, text));
          case "note":
            return caseForm(s, "text", (me) => handler.note(me, n, text));
          case "from_reporter":
            return caseForm(s, "text", (me) => reporter.reply(me, n, text));
          default:
            return void (await s.ack());
        }
      }),
    );

    app.view(
      VIEWS.reassign,
      withSubmission(deps, async (s) => {
        const number = caseNumberSchema.safeParse(metadataOf(s.submission.view).n);
        if (!number.success) return void (await s.ack());
        const state = viewState(s.submission.view);
        const toUser = state.user("to");
        const stay = state.checked("stay").includes("stay");
        await caseForm(s, "to", async (me) => {
          const to = toUser ? await identify(directory, s.client, toUser).catch(() => undefined) : undefined;
          if (toUser && to === undefined) return fieldError("to", NOT_SAVED);
          return handler.reassign(me, number.data, { ...(to ? { toId: to.person?.id ?? null } : {}), stay });
        });
      }),
    );

    app.view(
      VIEWS.close,
      withSubmission(deps, async (s) => {
        const number = caseNumberSchema.safeParse(metadataOf(s.submission.view).n);
        if (!number.success) return void (await s.ack());
        const outcome = viewState(s.submission.view).selected("outcome");
        await caseForm(s, "outcome", (me) => handler.close(me, number.data, outcome));
      }),
    );
  };
}
