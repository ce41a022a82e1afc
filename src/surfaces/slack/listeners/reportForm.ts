import type { App } from "@slack/bolt";
import { checkReportDraft, type CaseService, type FileResult } from "../../../core/cases/index.ts";
import { postDm } from "../conversations.ts";
import type { SlackDeps, WebClient } from "../deps.ts";
import { VIEWS } from "../ids.ts";
import { plainMessage } from "../render/notices.ts";
import { RECEIPT_INVALID, RECEIPT_VALID } from "../../../core/cases/receiptCheck.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { noticeModal } from "../render/modal.ts";
import { DEFAULT_RECIPIENT, filedModal, filingModal, NOT_SAVED, receiptCheckModal, REPORT_BLOCKS, reportErrors, reportModal, type ReportFormValues } from "../render/report.ts";
import { identify, identifyAll, NOT_IDENTIFIED, type SlackCores } from "../services.ts";
import { viewState } from "../viewState.ts";
import { claimSubmission, withAction, withSubmission } from "./handlers.ts";

const UNKNOWN_INVOLVED = "Someone you chose could not be found in the company directory (Slack gave no email). Remove them and name them in the text instead.";
const NOT_SAVED_CLOSED = "Your report was NOT saved: the service could not file it, and the form was closed before I could give it back. Please open Report a concern again.";

type Filing = { ok: true; filed: Extract<FileResult, { ok: true }>; notice?: string } | { ok: false; errors: Record<string, string> };
type Claim = Awaited<ReturnType<typeof claimSubmission>>;

/**
 * Submit on the report form. What needs no database is checked in the acknowledgement (errors
 * next to their fields, as Slack shows them). Then the form turns into "Filing…" at once, so
 * Slack's 3-second limit never depends on the database; the report is filed, and the form becomes
 * the confirmation, or comes back with the submitted values and the reason it was not filed.
 */
export function reportFormListener(cores: SlackCores & { cases: CaseService }, refreshHome: (client: WebClient, userId: string) => Promise<void>) {
  return (app: App, deps: SlackDeps): void => {
    const { cases, directory } = cores;

    /** Files the report of a claimed submission; the claim is given back when nothing was filed. */
    const file = async (client: WebClient, userId: string, values: ReportFormValues, claim: Claim): Promise<Filing> => {
      const refused = async (errors: Record<string, string>): Promise<Filing> => (await claim.release(), { ok: false, errors });
      try {
        const reporter = await identify(directory, client, userId);
        if (!reporter.person) return refused({ [REPORT_BLOCKS.what]: `${reporter.why} Your text is kept.` });
        const involved = await identifyAll(directory, client, values.involved);
        if (involved.unknown) return refused({ [REPORT_BLOCKS.involved]: UNKNOWN_INVOLVED });
        const director = values.director ? await identify(directory, client, values.director, "named") : null;
        const filed = await cases.fileReport(reporter.person.id, {
          ...draftOf(values),
          involved: involved.ids,
          directorId: director?.person?.id ?? values.director,
        });
        if (!filed.ok) return refused(reportErrors(filed.fieldErrors, filed.formError));
        return { ok: true, filed, ...(reporter.notice ? { notice: reporter.notice } : {}) };
      } catch (error) {
        deps.logger.error({ err: { type: (error as Error)?.name } }, "a report could not be saved");
        return refused({ [REPORT_BLOCKS.what]: NOT_SAVED });
      }
    };

    app.view(
      VIEWS.report,
      withSubmission(deps, async ({ submission, ack, client, retryNum }) => {
        const { user, view } = submission;
        const values = formValuesOf(viewState(view));
        const shape = checkReportDraft(draftOf(values));
        if (!shape.ok) return void (await ack({ response_action: "errors", errors: reportErrors(shape.fieldErrors) }));
        // Claimed before the answer, so a re-delivery can never file a second case.
        let claim: Claim;
        try {
          claim = await claimSubmission(deps, view.id, retryNum);
        } catch (error) {
          deps.logger.error({ err: { type: (error as Error)?.name } }, "a report could not be saved");
          return void (await ack({ response_action: "errors", errors: { [REPORT_BLOCKS.what]: NOT_SAVED } }));
        }
        if (claim.duplicate) return void (await ack()); // Slack re-delivered a report already being filed
        await ack({ response_action: "update", view: filingModal() });

        const filing = await file(client, user.id, values, claim);
        if (!filing.ok) {
          try {
            await client.views.update({ view_id: view.id, view: reportModal({ values, errors: filing.errors }) });
          } catch {
            // The person closed the form meanwhile: they must still learn that nothing was filed.
            await postDm(client, user.id, plainMessage(NOT_SAVED_CLOSED)).catch(() => deps.logger.warn("could not tell a reporter their report was not filed"));
          }
          return;
        }
        // The receipt is owed through the outbox (written with the case); closed meanwhile, the DM
        // (or for an anonymous report the private update it announces) still brings it.
        await client.views.update({ view_id: view.id, view: filedModal(filing.filed.receipt, filing.notice ? { enrolmentNotice: filing.notice } : {}) }).catch(() => {});
        await refreshHome(client, user.id);
      }),
    );
  };
}

/** App Home's "Check a receipt": the form, and its answer (valid or not, nothing of the case) in place of the form. */
export function receiptCheckListener(cores: SlackCores & { cases: CaseService }) {
  return (app: App, deps: SlackDeps): void => {
    app.action(CASE_ACTIONS.checkReceipt, withAction(deps, async (interaction) => void (await interaction.client.views.open({ trigger_id: interaction.triggerId, view: receiptCheckModal() }))));
    app.view(
      VIEWS.receiptCheck,
      withSubmission(deps, async ({ submission, ack, client }) => {
        const state = viewState(submission.view);
        const me = await identify(cores.directory, client, submission.user.id);
        if (!me.person) return void (await ack({ response_action: "errors", errors: { case: me.why ?? NOT_IDENTIFIED } }));
        const result = await cores.cases.checkReceipt(me.person.id, state.text("case") ?? "", state.text("code") ?? "", "slack");
        if (!result.ok) return void (await ack({ response_action: "errors", errors: { code: result.message } }));
        await ack({ response_action: "update", view: noticeModal("Check a receipt", result.valid ? `✅ ${RECEIPT_VALID}` : `❌ ${RECEIPT_INVALID}`) });
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
