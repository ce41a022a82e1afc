import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { z, type ZodType } from "zod";
import { OUTCOMES, type CaseResult, type CaseService } from "../../../core/cases/index.ts";
import type { PrismaClient } from "../../../store/db.ts";
import { replyActivity } from "../cards/deliver.ts";
import { card, submit, text, type Card } from "../cards/elements.ts";
import { MESSAGES } from "../cards/messages.ts";
import { handlerActions } from "../cards/notifications.ts";
import { caseDialogCard, receiptCard, reportFormCard, reporterCaseCard, startReportCard, textFormCard, type ReportFormValues } from "../cards/report.ts";
import { escapeCardText as esc } from "../cards/text.ts";
import { identify, NOT_IDENTIFIED, type TeamsCores } from "../cores.ts";
import type { Interaction, Reply, TeamsDeps } from "../deps.ts";
import { CASE_VERBS, caseNumberData } from "../verbs.ts";

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

const textInputs = caseNumberData.extend({ text: z.string().max(20_000).optional() });
const closeInputs = caseNumberData.extend({ outcome: z.string().optional() });
const reassignInputs = caseNumberData.extend({ to: z.string().optional() });
const checkinInputs = caseNumberData.extend({ day: z.number().int().positive(), answer: z.enum(["yes", "no"]) });

/** People to pick from in forms (the directory's active people), and the Directors. A list for a picker, no rules. */
async function pickablePeople(prisma: PrismaClient, directory: TeamsCores["directory"]) {
  const rows = await prisma.person.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
  const directors = (await directory.holdersOf("director")).map((p) => ({ id: p.id, name: p.name }));
  return { people: rows, directors };
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
        if (!me) return NOT_IDENTIFIED;
        return handle(context, me.person.id, parsed.data);
      };

    const reportForm = async (values?: ReportFormValues, fieldErrors?: Record<string, string>, formError?: string) =>
      dialog("Report a concern", reportFormCard({ ...(await pickablePeople(deps.prisma, directory)), ...(values ? { values } : {}), ...(fieldErrors ? { fieldErrors } : {}), ...(formError ? { formError } : {}) }));

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
          involved: input.involved ? input.involved.split(",").map((s) => s.trim()).filter(Boolean) : [],
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
        await deps.interaction(context).replyPrivately(replyActivity(receiptCard(result.receipt)));
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
      if (!me) return NOT_IDENTIFIED;
      const result = await cases.acknowledge(me.person.id, parsed.data.caseNumber);
      if (!result.ok) return result.message;
      return card([text(`Case ${esc(parsed.data.caseNumber)} acknowledged`, { weight: "bolder", size: "medium" }), text("The reporter has been told.", { isSubtle: true })], handlerActions(parsed.data.caseNumber)) as AdaptiveCard;
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

    app.taskModules.fetch(
      CASE_VERBS.reassignForm,
      step(caseNumberData, "case.reassign", async (_context, _personId, { caseNumber }) => {
        const { people } = await pickablePeople(deps.prisma, directory);
        return dialog(
          `Reassign ${caseNumber}`,
          card(
            [
              text("The new handler must not be named in the report; the case refuses anyone who is.", { isSubtle: true }),
              { type: "Input.ChoiceSet", id: "to", label: "New handler", isRequired: true, style: "compact", choices: people.map((p) => ({ title: p.name, value: p.id })) },
            ],
            [submit("Reassign", CASE_VERBS.reassignSubmit, { caseNumber }, "positive")],
          ),
        );
      }),
    );
    app.taskModules.submit(
      CASE_VERBS.reassignSubmit,
      step(reassignInputs, "case.reassign.submit", async (_context, personId, { caseNumber, to }) => {
        const result = await cases.reassign(personId, caseNumber, to ?? "");
        return result.ok ? `Case ${caseNumber} was reassigned.` : result.message;
      }),
    );

    app.taskModules.fetch(
      CASE_VERBS.closeForm,
      step(caseNumberData, "case.close", async (_context, _personId, { caseNumber }) =>
        dialog(
          `Close ${caseNumber}`,
          card(
            [
              text("The reporter is told the case is closed and its outcome.", { isSubtle: true }),
              { type: "Input.ChoiceSet", id: "outcome", label: "Outcome", isRequired: true, style: "expanded", choices: OUTCOMES.map((o) => ({ title: o.charAt(0).toUpperCase() + o.slice(1), value: o })) },
            ],
            [submit("Close the case", CASE_VERBS.closeSubmit, { caseNumber }, "destructive")],
          ),
        ),
      ),
    );
    app.taskModules.submit(
      CASE_VERBS.closeSubmit,
      step(closeInputs, "case.close.submit", async (_context, personId, { caseNumber, outcome }) => {
        if (!OUTCOMES.includes(outcome as never)) return "Choose an outcome to close the case.";
        const result = await cases.close(personId, caseNumber, outcome as (typeof OUTCOMES)[number]);
        return result.ok ? `Case ${caseNumber} was closed.` : result.message;
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
    app.adaptiveCards.actionExecute(CASE_VERBS.checkin, async (context, _state, raw): Promise<AdaptiveCard | string> => {
      const parsed = checkinInputs.safeParse(raw);
      if (!parsed.success) return MESSAGES.unknownAction;
      const me = await identify(directory, context);
      if (!me) return NOT_IDENTIFIED;
      const { caseNumber, day, answer } = parsed.data;
      const result = await cases.answerCheckin(me.person.id, caseNumber, day, answer);
      if (!result.ok) return result.message;
      return card([
        text(`Thank you for answering about ${esc(caseNumber)}`, { weight: "bolder" }),
        text(answer === "yes" ? "The people handling your report will follow up. You can also file a new report about the retaliation." : "Glad to hear it. You can always message the handlers.", { isSubtle: true }),
      ]) as AdaptiveCard;
    });
  };
}
