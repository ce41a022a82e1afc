import type { App, BlockAction as BoltBlockAction } from "@slack/bolt";
import { z } from "zod";
import { OUTCOMES, type CaseOutcome, type CaseResult, type CaseService } from "../../../core/cases/index.ts";
import type { Interaction, SlackDeps, WebClient } from "../deps.ts";
import { CASE_ACTIONS, VIEWS } from "../ids.ts";
import type { BlockAction } from "../payloads.ts";
import { context, section } from "../render/blocks.ts";
import { caseMessageModal, caseViewModal, closeModal, privateUpdateModal, reassignModal, reporterViewModal, type CaseMessageKind } from "../render/cases.ts";
import { loadingModal, noticeModal } from "../render/modal.ts";
import { plainMessage } from "../render/notices.ts";
import type { Sender } from "../sender.ts";
import { identify, NOT_IDENTIFIED, type SlackCores } from "../services.ts";
import { metadataOf, viewState } from "../viewState.ts";
import { claimSubmission, withAction, withSubmission, type ViewAck } from "./handlers.ts";

const caseNumberSchema = z.string().regex(/^C-\d{4}-\d{1,8}$/);
const NOT_SAVED_SHORT = "Not saved: the service cannot reach its database right now. Your text is still here; please try again in a few minutes.";

type Cores = SlackCores & { cases: CaseService };

/** The button sits in a modal (not App Home, not a message). */
const inModal = (action: BlockAction) => Boolean(action.container.view_id) && action.view?.type === "modal";

/**
 * The Report flow in Slack: the report form, the handlers' buttons (Open, Acknowledge, Message
 * reporter, Add internal note, Reassign, Close) and the reporter's (View, Reply, check-in answers).
 * Every decision is the cases core's; anyone who is not a handler or the reporter gets "No such case."
 */
export function reportListeners(cores: Cores, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { cases, directory } = cores;
    const who = (client: WebClient, userId: string) => identify(directory, client, userId);
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

    // ── The report form ────────────────────────────────────────────────────────────────────────
    app.action<BoltBlockAction>(CASE_ACTIONS.report, withAction(deps, (interaction) => deps.flows.startReport(interaction, {})));

    // ── A case's handlers ──────────────────────────────────────────────────────────────────────
    onCase(CASE_ACTIONS.open, (interaction, number, _action, sender) =>
      openThenFill(interaction, `Case ${number}`, async () => {
        const me = await sender();
        const result = me.person ? await cases.view(me.person.id, number) : null;
        return result?.ok ? caseViewModal(result.value) : noticeModal(`Case ${number}`, result?.message ?? me.why ?? NOT_IDENTIFIED);
      }),
    );

    onCase(CASE_ACTIONS.acknowledge, async (interaction, number, _action, sender) => {
      const me = await sender();
      const result = me.person ? await cases.acknowledge(me.person.id, number) : null;
      await interaction.replyPrivately(plainMessage(result?.ok ? `${number} is acknowledged. The reporter has been told.` : (result?.message ?? me.why ?? NOT_IDENTIFIED)));
      if (result?.ok) await refreshHome(interaction.client, interaction.userId);
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
      openThenFill(interaction, `Case ${number}`, async () => {
        const me = await sender();
        const result = me.person ? await cases.viewAsReporter(me.person.id, number) : null;
        return result?.ok ? reporterViewModal(result.value) : noticeModal(`Case ${number}`, result?.message ?? me.why ?? NOT_IDENTIFIED);
      }),
    );
    onCase(CASE_ACTIONS.reply, messageForm("from_reporter"));

    // An anonymous reporter's neutral DM: its value is only the notice's opaque id; the core shows it to its own reporter.
    const updateId = z.string().uuid();
    app.action<BoltBlockAction>(
      CASE_ACTIONS.privateUpdate,
      withAction(deps, async (interaction, action, _respond, sender) => {
        const id = updateId.safeParse(action.actions[0]!.value);
        await openThenFill(interaction, "Private update", async () => {
          const me = await sender();
          const result = me.person && id.success ? await cases.privateUpdate(me.person.id, id.data) : null;
          return result?.ok ? privateUpdateModal(result.value) : noticeModal("Private update", result?.message ?? me.why ?? NOT_IDENTIFIED);
        });
      }),
    );

    for (const [actionId, answer] of [[CASE_ACTIONS.checkinYes, "yes"], [CASE_ACTIONS.checkinNo, "no"]] as const) {
      onCase(actionId, async (interaction, number, action, sender) => {
        const day = Number(action.actions[0]!.value.split("|")[1]);
        if (!Number.isInteger(day)) return;
        const me = await sender();
        const result = me.person ? await cases.answerCheckin(me.person.id, number, day, answer) : null;
        if (!result?.ok) return interaction.replyPrivately(plainMessage(result?.message ?? me.why ?? NOT_IDENTIFIED));
        const linked = result.value.linkedCase;
        const text =
          answer === "no"
            ? `Check-in about ${number}: you answered *no*. Thank you. If anything changes, report it at any time.`
            : `Check-in about ${number}: you answered *yes*. A new high-priority case${linked ? `, *${linked.caseNumber}*,` : ""} was opened and its handlers will write to you here.`;
        const channel = action.container.channel_id ?? action.channel?.id;
        const ts = action.container.message_ts ?? action.message?.ts;
        // Answered in a modal (a private update, the case's View): the answer replaces it, out of the chat history.
        if (inModal(action)) await interaction.client.views.update({ view_id: action.container.view_id!, view: noticeModal("Check-in answered", text) });
        else if (channel && ts) await interaction.client.chat.update({ channel, ts, text: `Check-in about ${number} answered`, blocks: [section(text), context(`Answered ${new Date().toISOString().slice(0, 10)}`)] });
        else await interaction.replyPrivately({ text, blocks: [section(text)] });
        await refreshHome(interaction.client, interaction.userId);
      });
    }

    // ── Forms behind the buttons ───────────────────────────────────────────────────────────────
    /** Runs a case form once (re-deliveries are dropped); errors stay next to `field`, the text kept. */
    const caseForm = async (
      s: { submission: { user: { id: string }; view: { id: string } }; ack: ViewAck; client: WebClient; retryNum: number | undefined },
      field: string,
      run: (actorId: string) => Promise<CaseResult<unknown>>,
      done: string,
    ) => {
      let claim: Awaited<ReturnType<typeof claimSubmission>> | undefined;
      let result: CaseResult<unknown>;
      try {
        claim = await claimSubmission(deps, s.submission.view.id, s.retryNum);
        if (claim.duplicate) return void (await s.ack());
        const me = await who(s.client, s.submission.user.id);
        result = me.person ? await run(me.person.id) : { ok: false, error: "not_found", message: me.why };
      } catch (error) {
        deps.logger.error({ err: { type: (error as Error)?.name } }, "a case form could not be saved");
        await claim?.release();
        return void (await s.ack({ response_action: "errors", errors: { [field]: NOT_SAVED_SHORT } }));
      }
      if (!result.ok) {
        await claim.release();
        const message = Object.values(result.fieldErrors ?? {})[0] ?? result.message;
        return void (await s.ack({ response_action: "errors", errors: { [field]: message } }));
      }
      await s.ack({ response_action: "update", view: noticeModal("Done", done) });
      await refreshHome(s.client, s.submission.user.id);
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
            return caseForm(s, "text", (actor) => cases.messageReporter(actor, n, text), `Sent to the reporter of ${n}.`);
          case "note":
            return caseForm(s, "text", (actor) => cases.addNote(actor, n, text), `Note added to ${n}. Only its handlers see it.`);
          case "from_reporter":
            return caseForm(s, "text", (actor) => cases.messageHandlers(actor, n, text, "form"), `Sent to the handlers of ${n}.`);
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
        await caseForm(
          s,
          "to",
          async (actor) => {
            const to = toUser ? await who(s.client, toUser) : null;
            if (!to?.person) return { ok: false, error: "invalid", message: "Choose someone who is in the company directory." };
            return cases.reassign(actor, number.data, to.person.id, { stay });
          },
          `${number.data} was reassigned.`,
        );
      }),
    );

    app.view(
      VIEWS.close,
      withSubmission(deps, async (s) => {
        const number = caseNumberSchema.safeParse(metadataOf(s.submission.view).n);
        if (!number.success) return void (await s.ack());
        const outcome = viewState(s.submission.view).selected("outcome");
        await caseForm(
          s,
          "outcome",
          async (actor) =>
            OUTCOMES.includes(outcome as CaseOutcome) ? cases.close(actor, number.data, outcome as CaseOutcome) : { ok: false, error: "invalid", message: "Choose an outcome." },
          `${number.data} is closed. The reporter has been told.`,
        );
      }),
    );
  };
}
