import type { App } from "@slack/bolt";
import { checkReportDraft } from "../../../core/cases/index.ts";
import type { Actor } from "../../../interactions/actor.ts";
import { draftRefused, FILING_WORDS, type FileReply, type FileReportInteraction } from "../../../interactions/fileReport.ts";
import { fieldError } from "../../../interactions/reply.ts";
import type { SlackDeps, WebClient } from "../deps.ts";
import { VIEWS } from "../ids.ts";
import type { ReporterCaseInteractions } from "../../../interactions/reporterCase.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { replyModal } from "../render/modal.ts";
import { alreadyFiledModal, DEFAULT_RECIPIENT, filedModal, receiptCheckModal, REPORT_BLOCKS, reportErrors, reportModal, type ReportFormValues } from "../render/report.ts";
import { identify, identifyAll, type SlackCores } from "../services.ts";
import { viewState } from "../viewState.ts";
import { withAction, withSubmission } from "./handlers.ts";

/**
 * Submit on the report form (src/interactions/fileReport.ts). What needs no database is checked
 * first (errors next to their fields, as Slack shows them). Then the report is filed, and only
 * then acknowledged, with the confirmation or the form given back with the submitted values and
 * the reason: an acknowledged report is a saved one, even when this replica dies the next moment.
 * If no answer reaches Slack within its 3 seconds (a replica killed, a very slow database), the
 * person sees Slack's error and submits again, on any replica; the view id files it at most once.
 */
export function reportFormListener(cores: SlackCores, fileReport: FileReportInteraction, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { directory } = cores;

    /** The people the form names, as directory people; Slack ids stay until they are identified. */
    const file = async (client: WebClient, me: Actor, values: ReportFormValues, viewId: string): Promise<FileReply> => {
      let involved, director;
      try {
        involved = await identifyAll(directory, client, values.involved);
        director = values.director ? await identify(directory, client, values.director, "named") : null;
      } catch (error) {
        deps.logger.error({ err: { type: (error as Error)?.name } }, "a report could not be saved");
        return fieldError("what", FILING_WORDS.notSaved);
      }
      const draft = { ...draftOf(values), involved: involved.ids, directorId: director?.person?.id ?? values.director };
      return fileReport(me, draft, { once: `slack:view:${viewId}`, unknownInvolved: involved.unknown });
    };

    app.view(
      VIEWS.report,
      withSubmission(deps, async ({ submission, ack, client, me: sender }) => {
        const { user, view } = submission;
        const values = formValuesOf(viewState(view));
        const shape = checkReportDraft(draftOf(values));
        if (!shape.ok) return void (await ack({ response_action: "errors", errors: reportErrors(draftRefused(shape.fieldErrors)) }));

        const me = await sender();
        const reply: FileReply = me.person ? await file(client, me, values, view.id) : fieldError("what", `${me.why} Your text is kept.`);
        // Past Slack's 3 seconds the receiver has answered for us (the form closed). The receipt is
        // owed through the outbox (written with the case): the DM, or for an anonymous report the
        // private update it announces, still brings it.
        const answer = (next: ReturnType<typeof filedModal>) =>
          ack({ response_action: "update", view: next }).catch(() => deps.logger.warn("a report form's answer came too late for Slack"));
        if (reply.kind === "notice") return void (await answer(alreadyFiledModal(reply)));
        if (reply.kind === "field_errors") return void (await answer(reportModal({ values, errors: reportErrors(reply) })));
        await answer(filedModal(reply));
        await refreshHome(client, user.id);
      }),
    );
  };
}

/** App Home's "Check a receipt": the form, and its answer (valid or not, nothing of the case) in place of the form. */
export function receiptCheckListener(reporter: ReporterCaseInteractions) {
  return (app: App, deps: SlackDeps): void => {
    app.action(CASE_ACTIONS.checkReceipt, withAction(deps, async (interaction) => void (await interaction.client.views.open({ trigger_id: interaction.triggerId, view: receiptCheckModal() }))));
    app.view(
      VIEWS.receiptCheck,
      withSubmission(deps, async ({ submission, ack, me: sender }) => {
        const state = viewState(submission.view);
        const me = await sender();
        if (!me.person) return void (await ack({ response_action: "errors", errors: { case: me.why } }));
        const reply = await reporter.checkReceipt(me, state.text("case") ?? "", state.text("code") ?? "", "slack");
        if (reply.kind === "field_errors") return void (await ack({ response_action: "errors", errors: { ...reply.errors } }));
        await ack({ response_action: "update", view: replyModal(reply.title, reply) });
      }),
    );
  };
}

function formValuesOf(state: ReturnType<typeof viewState>): ReportFormValues {
  const values: ReportFormValues = { involved: state.users(REPORT_BLOCKS.involved) };
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K] | undefined) => value !== undefined && (values[key] = value);
  set("what", state.text(REPORT_BLOCKS.what));
  set("when", state.text(REPORT_BLOCKS.when));
  set("where", state.text(REPORT_BLOCKS.where));
  set("category", state.selected(REPORT_BLOCKS.category));
  set("recipient", state.selected(REPORT_BLOCKS.recipient));
  set("director", state.user(REPORT_BLOCKS.director));
  set("mode", state.selected(REPORT_BLOCKS.mode));
  return values;
}

/** The core's draft from the form; people stay Slack ids until they are identified. */
function draftOf(values: ReportFormValues) {
  return {
    what: values.what,
    when: values.when,
    where: values.where,
    involved: values.involved,
    category: values.category,
    recipient: values.recipient === DEFAULT_RECIPIENT ? undefined : values.recipient,
    directorId: values.director,
    mode: values.mode,
  };
}
