import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { z, type ZodType } from "zod";
import { OUTCOMES, type CaseService } from "../../../core/cases/index.ts";
import type { Actor } from "../../../interactions/actor.ts";
import { fileReportInteraction, FILING_WORDS, type ReportField } from "../../../interactions/fileReport.ts";
import { handlerCaseInteractions, type CaseReply } from "../../../interactions/handlerCase.ts";
import { replyText, type FieldErrors } from "../../../interactions/reply.ts";
import { reporterCaseInteractions } from "../../../interactions/reporterCase.ts";
import { replyActivity } from "../cards/deliver.ts";
import { card, text, type Card } from "../cards/elements.ts";
import { MESSAGES } from "../cards/messages.ts";
import { handlerActions } from "../cards/notifications.ts";
import { checkinAnsweredCard, closeFormCard, reassignFormCard } from "../cards/caseForms.ts";
import { DATASETS, SEARCH_LIMIT } from "../cards/peoplePicker.ts";
import { caseDialogCard, filedDialogCard, privateUpdateDialogCard, receiptCheckCard, reportFormCard, reporterCaseCard, startReportCard, textFormCard, type ReportFormValues } from "../cards/report.ts";
import { escapeCardText as esc } from "../cards/text.ts";
import { senderOf, type TeamsCores } from "../cores.ts";
import type { Interaction, Reply, TeamsDeps } from "../deps.ts";
import { CASE_VERBS, caseNumberData, privateUpdateData, receiptCheckInputs } from "../verbs.ts";
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

/** The report dialog, and the handler's and reporter's case actions (dialogs and Action.Execute). */
export function caseRoutes(cores: Cases) {
  return (app: Application, deps: TeamsDeps): void => {
    const { cases, directory } = cores;
    const fileReport = fileReportInteraction(cases, deps.logger);
    const handler = handlerCaseInteractions(cases, deps.logger);
    const reporter = reporterCaseInteractions(cases, deps.logger);

    /** A dialog step with parsed data and the identified person. */
    const step = <T>(schema: ZodType<T>, verb: string, handle: (context: TurnContext, me: Actor, data: T) => Promise<DialogResult>) =>
      async (context: TurnContext, _state: unknown, raw: unknown): Promise<DialogResult> => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          deps.logger.warn({ verb }, "teams: dialog with unexpected data");
          return MESSAGES.unknownAction;
        }
        const me = await senderOf(context);
        if (!me.person) return me.why;
        return handle(context, me, parsed.data);
      };

    const reportForm = async (values?: ReportFormValues, refused?: FieldErrors<ReportField>) => {
      const involved = values?.involved ? await peopleByIds(directory, splitIds(values.involved)) : [];
      const { form, ...fieldErrors } = refused?.errors ?? {};
      return dialog(
        "Report a concern",
        reportFormCard({ directors: await directorsOf(directory), involved, ...(values ? { values } : {}), ...(refused ? { fieldErrors } : {}), ...(form ? { formError: form } : {}) }),
      );
    };

    app.taskModules.fetch(CASE_VERBS.reportForm, async () => reportForm());
    app.taskModules.submit(
      CASE_VERBS.reportSubmit,
      step(reportInputs, "report.submit", async (_context, me, input) => {
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
        const reply = await fileReport(me, draft);
        if (reply.kind === "field_errors") {
          deps.logger.info({ fields: Object.keys(reply.errors) }, "teams: report form returned with errors");
          return reportForm(values, reply);
        }
        if (reply.kind === "notice") return replyText(reply);
        deps.logger.info({ caseNumber: reply.receipt.caseNumber }, "teams: report filed");
        // The receipt is owed through the outbox (written with the case). An anonymous reporter's
        // stays out of the chat (Purview keeps it): this dialog's result shows it instead.
        if (reply.receipt.mode === "anonymous") return dialog(FILING_WORDS.title, filedDialogCard(reply));
        return [reply.title, ...reply.lines].join("\n");
      }),
    );

    // Handlers
    app.taskModules.fetch(
      CASE_VERBS.open,
      step(caseNumberData, "case.open", async (_context, me, { caseNumber }) => {
        const shown = await handler.open(me, caseNumber); // the core records the viewing in the audit trail
        return shown.kind === "case" ? dialog(`Case ${caseNumber}`, caseDialogCard(shown.view)) : replyText(shown);
      }),
    );
    app.adaptiveCards.actionExecute(CASE_VERBS.acknowledge, async (context, _state, raw): Promise<AdaptiveCard | string> => {
      const parsed = caseNumberData.safeParse(raw);
      if (!parsed.success) return MESSAGES.unknownAction;
      const me = await senderOf(context);
      if (!me.person) return me.why;
      const reply = await handler.acknowledge(me, parsed.data.caseNumber);
      if (reply.kind !== "case_done") return replyText(reply);
      // The card clicked, drawn again without its Acknowledge button.
      return card([text(esc(reply.title), { weight: "bolder", size: "medium" }), ...reply.lines.map((line) => text(esc(line), { isSubtle: true }))], handlerActions(reply.caseNumber, { acknowledged: true })) as AdaptiveCard;
    });

    /** A one-field form (message, note, reply) whose answer closes the dialog; a problem it can fix brings it back, the text kept. */
    const textDialog = (formVerb: string, submitVerb: string, options: { title: (n: string) => string; hint: string; label: string; submitTitle: string }, run: (me: Actor, caseNumber: string, text: string) => Promise<CaseReply<"text">>) => {
      const form = (caseNumber: string, value?: string, error?: string) =>
        dialog(options.title(caseNumber), textFormCard({ title: options.title(caseNumber), hint: options.hint, id: "text", label: options.label, verb: submitVerb, caseNumber, submitTitle: options.submitTitle, ...(value ? { value } : {}), ...(error ? { error } : {}) }));
      app.taskModules.fetch(formVerb, step(caseNumberData, formVerb, async (_context, _me, { caseNumber }) => form(caseNumber)));
      app.taskModules.submit(
        submitVerb,
        step(textInputs, submitVerb, async (_context, me, data) => {
          const value = typeof data.text === "string" ? data.text : "";
          const reply = await run(me, data.caseNumber, value);
          return reply.kind === "field_errors" ? form(data.caseNumber, value, reply.errors.text) : replyText(reply);
        }),
      );
    };
    textDialog(
      CASE_VERBS.messageForm,
      CASE_VERBS.messageSubmit,
      { title: (n) => `Message the reporter of ${n}`, hint: "It reaches the reporter in their chat with the bot, without revealing who they are to anyone.", label: "Message", submitTitle: "Send" },
      (me, number, text) => handler.messageReporter(me, number, text),
    );
    textDialog(
      CASE_VERBS.noteForm,
      CASE_VERBS.noteSubmit,
      { title: (n) => `Add a note to ${n}`, hint: "Notes are seen only by the case's handlers, never by the reporter.", label: "Note", submitTitle: "Add note" },
      (me, number, text) => handler.note(me, number, text),
    );

    /** The reassign form with the cases core's first page of candidates; its "No such case." for anyone else. */
    const reassignForm = async (me: Actor, caseNumber: string, error?: string): Promise<DialogResult> => {
      const candidates = await cases.reassignCandidates(me.person.id, caseNumber, "", SEARCH_LIMIT);
      if (!candidates.ok) return candidates.message;
      return dialog(`Reassign ${caseNumber}`, reassignFormCard({ caseNumber, candidates: candidates.value, ...(error ? { error } : {}) }));
    };
    app.taskModules.fetch(CASE_VERBS.reassignForm, step(caseNumberData, "case.reassign", async (_context, me, { caseNumber }) => reassignForm(me, caseNumber)));
    app.taskModules.submit(
      CASE_VERBS.reassignSubmit,
      step(reassignInputs, "case.reassign.submit", async (_context, me, { caseNumber, to, stay }) => {
        // The picker's value is a directory id (it offers only the people the core would accept); a forged or stale one is refused by the core.
        const reply = await handler.reassign(me, caseNumber, { ...(to ? { toId: to } : {}), stay: stay === true || stay === "true" });
        return reply.kind === "field_errors" ? reassignForm(me, caseNumber, reply.errors.to) : replyText(reply);
      }),
    );
    // The picker's typeahead: only the people the cases core would accept for this case.
    app.adaptiveCards.search(
      (context) => Promise.resolve(isSearch(context.activity, DATASETS.reassignPrefix)),
      async (context, _state, query) => {
        const caseNumber = caseNumberData.shape.caseNumber.safeParse(query.parameters.dataset.slice(DATASETS.reassignPrefix.length));
        if (!caseNumber.success) return [];
        const me = await senderOf(context);
        if (!me.person) return [];
        const found = await cases.reassignCandidates(me.person.id, caseNumber.data, query.parameters.queryText, Math.min(query.count, SEARCH_LIMIT));
        return found.ok ? found.value.map((p) => ({ title: p.name, value: p.id })) : [];
      },
    );

    app.taskModules.fetch(
      CASE_VERBS.closeForm,
      step(caseNumberData, "case.close", async (_context, _me, { caseNumber }) => dialog(`Close ${caseNumber}`, closeFormCard({ caseNumber }))),
    );
    app.taskModules.submit(
      CASE_VERBS.closeSubmit,
      step(closeInputs, "case.close.submit", async (_context, me, { caseNumber, outcome }) => {
        const reply = await handler.close(me, caseNumber, outcome);
        if (reply.kind !== "field_errors") return replyText(reply);
        const chosen = OUTCOMES.find((o) => o === outcome);
        return dialog(`Close ${caseNumber}`, closeFormCard({ caseNumber, ...(chosen ? { value: chosen } : {}), ...(reply.errors.outcome ? { error: reply.errors.outcome } : {}) }));
      }),
    );

    // Reporters
    app.taskModules.fetch(
      CASE_VERBS.reporterView,
      step(caseNumberData, "case.reporter.view", async (_context, me, { caseNumber }) => {
        const shown = await reporter.view(me, caseNumber);
        return shown.kind === "reporter_case" ? dialog(`Your report ${caseNumber}`, reporterCaseCard(shown.view)) : replyText(shown);
      }),
    );
    textDialog(
      CASE_VERBS.reporterReplyForm,
      CASE_VERBS.reporterReplySubmit,
      { title: (n) => `Message the handlers of ${n}`, hint: "Only the people handling your report see it.", label: "Message", submitTitle: "Send" },
      (me, number, text) => reporter.reply(me, number, text),
    );
    // An anonymous reporter's neutral card carries only the notice's opaque id; the core shows it to its own reporter.
    app.taskModules.fetch(
      CASE_VERBS.privateUpdate,
      step(privateUpdateData, "case.reporter.update", async (_context, me, { update }) => {
        const shown = await reporter.privateUpdate(me, update);
        return shown.kind === "private_update" ? dialog("Private update", privateUpdateDialogCard(shown.update)) : replyText(shown);
      }),
    );
    app.taskModules.submit(
      CASE_VERBS.checkinSubmit,
      step(checkinInputs, "case.reporter.checkin.submit", async (_context, me, { caseNumber, day, answer }) => {
        const reply = await reporter.answerCheckin(me, caseNumber, day, answer);
        if (reply.kind !== "checkin_answered") return replyText(reply);
        return dialog("Check-in answered", card(checkinAnsweredCard(reply).body)); // in the dialog, out of the chat: no buttons to carry case numbers
      }),
    );
    // Anyone may check a receipt: only valid or not comes back (the core rate-limits and audits it).
    app.taskModules.fetch(CASE_VERBS.receiptForm, async () => dialog("Check a receipt", receiptCheckCard()));
    app.taskModules.submit(
      CASE_VERBS.receiptSubmit,
      step(receiptCheckInputs, "receipt.check.submit", async (_context, me, { caseNumber, code }) => {
        const reply = await reporter.checkReceipt(me, caseNumber ?? "", code ?? "", "teams");
        return reply.kind === "field_errors" ? dialog("Check a receipt", receiptCheckCard(reply.errors.code)) : replyText(reply);
      }),
    );
    app.adaptiveCards.actionExecute(CASE_VERBS.checkin, async (context, _state, raw): Promise<AdaptiveCard | string> => {
      const parsed = checkinInputs.safeParse(raw);
      if (!parsed.success) return MESSAGES.unknownAction;
      const me = await senderOf(context);
      if (!me.person) return me.why;
      const { caseNumber, day, answer } = parsed.data;
      const reply = await reporter.answerCheckin(me, caseNumber, day, answer);
      if (reply.kind !== "checkin_answered") return replyText(reply);
      deps.logger.info({ caseNumber, day, linked: reply.linked?.caseNumber ?? null }, "teams: check-in answered");
      // The answered card: no buttons left, so it cannot be answered twice.
      return checkinAnsweredCard(reply) as AdaptiveCard;
    });
  };
}
