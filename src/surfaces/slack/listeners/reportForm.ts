import type { App } from "@slack/bolt";
import { checkReportDraft, type CaseService, type FileResult } from "../../../core/cases/index.ts";
import type { SlackDeps, WebClient } from "../deps.ts";
import { VIEWS } from "../ids.ts";
import type { ReporterCaseInteractions } from "../../../interactions/reporterCase.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { replyModal } from "../render/modal.ts";
import { alreadyFiledModal, DEFAULT_RECIPIENT, filedModal, NOT_SAVED, receiptCheckModal, REPORT_BLOCKS, reportErrors, reportModal, type ReportFormValues } from "../render/report.ts";
import { identify, identifyAll, type SlackCores } from "../services.ts";
import { viewState } from "../viewState.ts";
import { withAction, withSubmission } from "./handlers.ts";

const UNKNOWN_INVOLVED = "Someone you chose could not be found in the company directory (Slack gave no email). Remove them and name them in the text instead.";

type Filing =
  | { ok: true; filed: Extract<FileResult, { ok: true }>; notice?: string }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; alreadyFiled: string };

/**
 * Submit on the report form. What needs no database is checked first (errors next to their
 * fields, as Slack shows them). Then the report is filed, and only then acknowledged, with the
 * confirmation or the form given back with the submitted values and the reason: an acknowledged
 * report is a saved one, even when this replica dies the next moment. If no answer reaches Slack
 * within its 3 seconds (a replica killed, a very slow database), the person sees Slack's error
 * and submits again, on any replica; the view id files it at most once.
 */
export function reportFormListener(cores: SlackCores & { cases: CaseService }, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { cases, directory } = cores;

    const file = async (client: WebClient, userId: string, values: ReportFormValues, viewId: string): Promise<Filing> => {
      try {
        const reporter = await identify(directory, client, userId);
        if (!reporter.person) return { ok: false, errors: { [REPORT_BLOCKS.what]: `${reporter.why} Your text is kept.` } };
        const involved = await identifyAll(directory, client, values.involved);
        if (involved.unknown) return { ok: false, errors: { [REPORT_BLOCKS.involved]: UNKNOWN_INVOLVED } };
        const director = values.director ? await identify(directory, client, values.director, "named") : null;
        const filed = await cases.fileReport(
          reporter.person.id,
          { ...draftOf(values), involved: involved.ids, directorId: director?.person?.id ?? values.director },
          { once: `slack:view:${viewId}` },
        );
        if (!filed.ok) return filed.alreadyFiled ? { ok: false, alreadyFiled: filed.formError! } : { ok: false, errors: reportErrors(filed.fieldErrors, filed.formError) };
        return { ok: true, filed, ...(reporter.notice ? { notice: reporter.notice } : {}) };
      } catch (error) {
        deps.logger.error({ err: { type: (error as Error)?.name } }, "a report could not be saved");
        return { ok: false, errors: { [REPORT_BLOCKS.what]: NOT_SAVED } };
      }
    };

    app.view(
      VIEWS.report,
      withSubmission(deps, async ({ submission, ack, client }) => {
        const { user, view } = submission;
        const values = formValuesOf(viewState(view));
        const shape = checkReportDraft(draftOf(values));
        if (!shape.ok) return void (await ack({ response_action: "errors", errors: reportErrors(shape.fieldErrors) }));

        const filing = await file(client, user.id, values, view.id);
        // Past Slack's 3 seconds the receiver has answered for us (the form closed). The receipt is
        // owed through the outbox (written with the case): the DM, or for an anonymous report the
        // private update it announces, still brings it.
        const answer = (next: ReturnType<typeof filedModal>) =>
          ack({ response_action: "update", view: next }).catch(() => deps.logger.warn("a report form's answer came too late for Slack"));
        if (!filing.ok) return void (await answer("alreadyFiled" in filing ? alreadyFiledModal(filing.alreadyFiled) : reportModal({ values, errors: filing.errors })));
        await answer(filedModal(filing.filed.receipt, filing.notice ? { enrolmentNotice: filing.notice } : {}));
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
