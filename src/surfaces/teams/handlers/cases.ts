import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { z, type ZodType } from "zod";
import { OUTCOMES, type CaseResult, type CaseService } from "../../../core/cases/index.ts";
import { replyActivity } from "../cards/deliver.ts";
import { card, text, type Card } from "../cards/elements.ts";
import { MESSAGES } from "../cards/messages.ts";
import { handlerActions } from "../cards/notifications.ts";
import { checkinAnsweredCard, closeFormCard, reassignFormCard } from "../cards/caseForms.ts";
import { DATASETS, SEARCH_LIMIT } from "../cards/peoplePicker.ts";
import { caseDialogCard, filedDialogCard, privateUpdateDialogCard, receiptCheckCard, reportFormCard, reporterCaseCard, startReportCard, textFormCard, type ReportFormValues } from "../cards/report.ts";
import { escapeCardText as esc } from "../cards/text.ts";
import { identify, type TeamsCores } from "../cores.ts";
import type { Interaction, Reply, TeamsDeps } from "../deps.ts";
import { CASE_VERBS, caseNumberData, privateUpdateData, receiptCheckInputs } from "../verbs.ts";
import { RECEIPT_INVALID, RECEIPT_VALID } from "../../../core/cases/receiptCheck.ts";
import { isSearch, peopleByIds } from "./people.ts";

type Cases = TeamsCores & { cases: CaseService };
type DialogResult = TaskModuleTaskInfo | string;

export const SENT_TO_PRIVATE_CHAT = "I've sent you a private message to write your report.";

const dialog = (title: string, body: Card): TaskModuleTaskInfo => ({ title, card: CardFactory.adaptiveCard(body), width: "large", height: "large" });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

/** The report dialog's inputs as Teams submits them (a multi-select arrives as "a,b"). */
const reportInputs = z
  .object({
    what: optionalText,
    when: optionalText,
    where: optionalText,
    involved: optionalText,
    category: optionalText,
    recipient: optionalText,
    directorId: optionalText,
    mode: optionalText,
  })
  .passthrough();

const textInputs = caseNumberData.extend({ text: z.string().optional() }); // the core answers an over-long message in the form
const closeInputs = caseNumberData.extend({ outcome: z.string().optional() });
const reassignInputs = caseNumberData.extend({ to: z.string().max(100).optional(), stay: z.union([z.literal("true"), z.literal("false"), z.boolean()]).optional() });
const checkinInputs = caseNumberData.extend({ day: z.number().int().positive(), answer: z.enum(["yes", "no"]) });

/** The Directors to choose from when a report goes to "a Director" (role holders: a short list). */
async function directorsOf(directory: TeamsCores["directory"]) {
  return (await directory.holdersOf("director")).map((p) => ({ id: p.id, name: p.name }));
}

/** "Report a concern" (the answer's button or the `report` command): the card whose button opens the report dialog, in the 1:1 chat. */
export function startReportFlow() {
  return async (interaction: Interaction, from: { clauseId?: string }): Promise<Reply> => {
    const start = startReportCard(from.clauseId);
    if (interaction.personal || interaction.context.activity.type !== "invoke") return start;
    await interaction.sendPrivately(replyActivity(start));
    return SENT_TO_PRIVATE_CHAT;
  };
}

/** A multi-select's value as Teams submits it: "a,b". */
const splitIds = (value: string) => value.split(",").map((s) => s.trim()).filter(Boolean);

const message = (result: CaseResult<unknown>) => (result.ok ? "" : result.message);

/** The report dialog, and the handler's and reporter's case actions (dialogs and Action.Execute). */
export function caseRoutes(cores: Cases) {
  return (app: Application, deps: TeamsDeps): void => {
    const { cases, directory } = cores;

    /** A dialog step with parsed data and the identified person. */
    const step = <T>(schema: ZodType<T>, verb: string, handle: (context: TurnContext, personId: string, data: T) => Promise<DialogResult>) =>
      async (context: TurnContext, _state: unknown, raw: unknown): Promise<DialogResult> => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          deps.logger.warn({ verb }, "teams: dialog with unexpected data");
          return MESSAGES.unknownAction;
        }
        const me = await identify(directory, context);
        if (!me.person) return me.why;
        return handle(context, me.person.id, parsed.data);
      };

    const reportForm = async (values?: ReportFormValues, fieldErrors?: Record<string, string>, formError?: string) => {
      const involved = values?.involved ? await peopleByIds(directory, splitIds(values.involved)) : [];
      return dialog(
        "Report a concern",
        reportFormCard({ directors: await directorsOf(directory), involved, ...(values ? { values } : {}), ...(fieldErrors ? { fieldErrors } : {}), ...(formError ? { formError } : {}) }),
      );
    };

    app.taskModules.fetch(CASE_VERBS.reportForm, async () => reportForm());
    app.taskModules.submit(
      CASE_VERBS.reportSubmit,
      step(reportInputs, "report.submit", async (context, personId, input) => {
        const values: ReportFormValues = {};
        for (const key of ["what", "when", "where", "involved", "category", "recipient", "directorId", "mode"] as const) if (input[key] !== undefined) values[key] = input[key];
        const draft = {
          what: input.what ?? "",
          when: input.when ?? null,
          where: input.where ?? null,
          involved: input.involved ? splitIds(input.involved) : [],
          category: input.category ?? null,
          recipient: input.recipient ?? null,
          directorId: input.directorId ?? null,
          mode: input.mode ?? null,
        };
        const result = await cases.fileReport(personId, draft);
        if (!result.ok) {
          deps.logger.info({ fields: Object.keys(result.fieldErrors) }, "teams: report form returned with errors");
          return reportForm(values, result.fieldErrors as Record<string, string>, result.formError);
        }
        deps.logger.info({ caseNumber: result.caseNumber }, "teams: report filed");
        // The receipt is owed through the outbox (written with the case). An anonymous reporter's
        // stays out of the chat (Purview keeps it): this dialog's result shows it instead.
        if (result.receipt.mode === "anonymous") return dialog("Report filed", filedDialogCard(result.receipt));
        return `Your report ${result.caseNumber} was filed. The receipt is in our chat.`;
      }),
    );

    // Handlers
    app.taskModules.fetch(
      CASE_VERBS.open,
      step(caseNumberData, "case.open", async (_context, personId, { caseNumber }) => {
        const result = await cases.view(personId, caseNumber); // the core records the viewing in the audit trail
        return result.ok ? dialog(`Case ${caseNumber}`, caseDialogCard(result.value)) : result.message;
      }),
    );
    app.adaptiveCards.actionExecute(CASE_VERBS.acknowledge, async (context, _state, raw): Promise<AdaptiveCard | string> => {
      const parsed = caseNumberData.safeParse(raw);
      if (!parsed.success) return MESSAGES.unknownAction;
      const me = await identify(directory, context);
      if (!me.person) return me.why;
      const result = await cases.acknowledge(me.person.id, parsed.data.caseNumber);
      if (!result.ok) return result.message;
      return card([text(`Case ${esc(parsed.data.caseNumber)} acknowledged`, { weight: "bolder", size: "medium" }), text("The reporter has been told.", { isSubtle: true })], handlerActions(parsed.data.caseNumber, { acknowledged: true })) as AdaptiveCard;
    });

    const textDialog = (formVerb: string, submitVerb: string, options: { title: (n: string) => string; hint: string; label: string; submitTitle: string; done: string }, run: (personId: string, caseNumber: string, text: string) => Promise<CaseResult<unknown>>) => {
      const form = (caseNumber: string, value?: string, error?: string) =>
        dialog(options.title(caseNumber), textFormCard({ title: options.title(caseNumber), hint: options.hint, id: "text", label: options.label, verb: submitVerb, caseNumber, submitTitle: options.submitTitle, ...(value ? { value } : {}), ...(error ? { error } : {}) }));
      app.taskModules.fetch(formVerb, step(caseNumberData, formVerb, async (_context, _personId, { caseNumber }) => form(caseNumber)));
      app.taskModules.submit(
        submitVerb,
        step(textInputs, submitVerb, async (_context, personId, data) => {
          const value = typeof data.text === "string" ? data.text : "";
          const result = await run(personId, data.caseNumber, value);
          if (!result.ok) return result.error === "invalid" ? form(data.caseNumber, value, result.fieldErrors?.text ?? result.message) : message(result);
          return options.done;
        }),
      );
    };
    textDialog(
      CASE_VERBS.messageForm,
      CASE_VERBS.messageSubmit,
      { title: (n) => `Message the reporter of ${n}`, hint: "It reaches the reporter in their chat with the bot, without revealing who they are to anyone.", label: "Message", submitTitle: "Send", done: "Sent to the reporter." },
      (personId, number, text) => cases.messageReporter(personId, number, text),
    );
    textDialog(
      CASE_VERBS.noteForm,
      CASE_VERBS.noteSubmit,
      { title: (n) => `Add a note to ${n}`, hint: "Notes are seen only by the case's handlers, never by the reporter.", label: "Note", submitTitle: "Add note", done: "Note added." },
      (personId, number, text) => cases.addNote(personId, number, text),
    );

    /** The reassign form with the cases core's first page of candidates; its "No such case." for anyone else. */
    const reassignForm = async (personId: string, caseNumber: string, selected?: { id: string; name: string }, error?: string): Promise<DialogResult> => {
      const candidates = await cases.reassignCandidates(personId, caseNumber, "", SEARCH_LIMIT);
      if (!candidates.ok) return candidates.message;
      return dialog(`Reassign ${caseNumber}`, reassignFormCard({ caseNumber, candidates: candidates.value, ...(selected ? { selected } : {}), ...(error ? { error } : {}) }));
    };
    app.taskModules.fetch(CASE_VERBS.reassignForm, step(caseNumberData, "case.reassign", async (_context, personId, { caseNumber }) => reassignForm(personId, caseNumber)));
    app.taskModules.submit(
      CASE_VERBS.reassignSubmit,
      step(reassignInputs, "case.reassign.submit", async (_context, personId, { caseNumber, to, stay }) => {
        if (!to) return reassignForm(personId, caseNumber, undefined, "Choose the new handler.");
        const keep = stay === true || stay === "true";
        const result = await cases.reassign(personId, caseNumber, to, { stay: keep });
        if (result.ok) return keep ? `Case ${caseNumber} now has another handler; you still handle it.` : `Case ${caseNumber} was reassigned.`;
        if (result.error !== "not_eligible") return result.message;
        // Refused (someone the picker would not offer: a forged or stale choice): the form again, with why.
        return reassignForm(personId, caseNumber, undefined, result.message);
      }),
    );
    // The picker's typeahead: only the people the cases core would accept for this case.
    app.adaptiveCards.search(
      (context) => Promise.resolve(isSearch(context.activity, DATASETS.reassignPrefix)),
      async (context, _state, query) => {
        const caseNumber = caseNumberData.shape.caseNumber.safeParse(query.parameters.dataset.slice(DATASETS.reassignPrefix.length));
        if (!caseNumber.success) return [];
        const me = await identify(directory, context);
        if (!me.person) return [];
        const found = await cases.reassignCandidates(me.person.id, caseNumber.data, query.parameters.queryText, Math.min(query.count, SEARCH_LIMIT));
        return found.ok ? found.value.map((p) => ({ title: p.name, value: p.id })) : [];
      },
    );

    app.taskModules.fetch(
      CASE_VERBS.closeForm,
      step(caseNumberData, "case.close", async (_context, _personId, { caseNumber }) => dialog(`Close ${caseNumber}`, closeFormCard({ caseNumber }))),
    );
    app.taskModules.submit(
      CASE_VERBS.closeSubmit,
      step(closeInputs, "case.close.submit", async (_context, personId, { caseNumber, outcome }) => {
        const chosen = OUTCOMES.find((o) => o === outcome);
        if (!chosen) return dialog(`Close ${caseNumber}`, closeFormCard({ caseNumber, error: "Choose an outcome to close the case." }));
        const result = await cases.close(personId, caseNumber, chosen);
        if (result.ok) return `Case ${caseNumber} was closed.`;
        if (result.error === "invalid") return dialog(`Close ${caseNumber}`, closeFormCard({ caseNumber, value: chosen, error: result.fieldErrors?.outcome ?? result.message }));
        return result.message;
      }),
    );

    // Reporters
    app.taskModules.fetch(
      CASE_VERBS.reporterView,
      step(caseNumberData, "case.reporter.view", async (_context, personId, { caseNumber }) => {
        const result = await cases.viewAsReporter(personId, caseNumber);
        return result.ok ? dialog(`Your report ${caseNumber}`, reporterCaseCard(result.value)) : result.message;
      }),
    );
    textDialog(
      CASE_VERBS.reporterReplyForm,
      CASE_VERBS.reporterReplySubmit,
      { title: (n) => `Message the handlers of ${n}`, hint: "Only the people handling your report see it.", label: "Message", submitTitle: "Send", done: "Sent to the people handling your report." },
      async (personId, number, text) => cases.messageHandlers(personId, number, text, "form"),
    );
    // An anonymous reporter's neutral card carries only the notice's opaque id; the core shows it to its own reporter.
    app.taskModules.fetch(
      CASE_VERBS.privateUpdate,
      step(privateUpdateData, "case.reporter.update", async (_context, personId, { update }) => {
        const result = await cases.privateUpdate(personId, update);
        return result.ok ? dialog("Private update", privateUpdateDialogCard(result.value)) : result.message;
      }),
    );
    app.taskModules.submit(
      CASE_VERBS.checkinSubmit,
      step(checkinInputs, "case.reporter.checkin.submit", async (_context, personId, { caseNumber, day, answer }) => {
        const result = await cases.answerCheckin(personId, caseNumber, day, answer);
        if (!result.ok) return result.message;
        const answered = checkinAnsweredCard(caseNumber, day, answer, result.value.linkedCase);
        return dialog("Check-in answered", card(answered.body)); // in the dialog, out of the chat: no buttons to carry case numbers
      }),
    );
    // Anyone may check a receipt: only valid or not comes back (the core rate-limits and audits it).
    app.taskModules.fetch(CASE_VERBS.receiptForm, async () => dialog("Check a receipt", receiptCheckCard()));
    app.taskModules.submit(
      CASE_VERBS.receiptSubmit,
      step(receiptCheckInputs, "receipt.check.submit", async (_context, personId, { caseNumber, code }) => {
        const result = await cases.checkReceipt(personId, caseNumber ?? "", code ?? "", "teams");
        if (!result.ok) return dialog("Check a receipt", receiptCheckCard(result.message));
        return result.valid ? `✅ ${RECEIPT_VALID}` : `❌ ${RECEIPT_INVALID}`;
      }),
    );
    app.adaptiveCards.actionExecute(CASE_VERBS.checkin, async (context, _state, raw): Promise<AdaptiveCard | string> => {
      const parsed = checkinInputs.safeParse(raw);
      if (!parsed.success) return MESSAGES.unknownAction;
      const me = await identify(directory, context);
      if (!me.person) return me.why;
      const { caseNumber, day, answer } = parsed.data;
      const result = await cases.answerCheckin(me.person.id, caseNumber, day, answer);
      if (!result.ok) return result.message;
      deps.logger.info({ caseNumber, day, linked: result.value.linkedCase?.caseNumber ?? null }, "teams: check-in answered");
      // The answered card: no buttons left, so it cannot be answered twice.
      return checkinAnsweredCard(caseNumber, day, answer, result.value.linkedCase) as AdaptiveCard;
    });
  };
}
