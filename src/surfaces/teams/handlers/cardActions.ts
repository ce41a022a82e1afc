import { ActivityTypes, CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { AdaptiveCard, TurnState } from "@microsoft/teams-ai";
import type { ZodType } from "zod";
import { MESSAGES } from "../cards/messages.ts";
import type { Reply, TeamsDeps } from "../deps.ts";
import { clauseContextData, feedbackData, requestApprovalData } from "../verbs.ts";

/** What an Action.Execute handler gives teams-ai: a card to show instead of the clicked one, or a toast. */
type ExecuteResult = AdaptiveCard | string;
type ExecuteHandler = (context: TurnContext, state: TurnState, data: unknown) => Promise<ExecuteResult>;

const asResult = (reply: Reply): ExecuteResult => reply as ExecuteResult;

/** Parses the button's data; anything unexpected (an old or forged card) gets a polite toast. */
function withData<T>(schema: ZodType<T>, deps: Pick<TeamsDeps, "logger">, verb: string, handle: (context: TurnContext, data: T) => Promise<ExecuteResult>): ExecuteHandler {
  return async (context, _state, raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      deps.logger.warn({ verb }, "teams: card action with unexpected data");
      return MESSAGES.unknownAction;
    }
    return handle(context, parsed.data);
  };
}

/**
 * 👍/👎 under an answer (src/interactions/feedback.ts): one vote per answer card (the card is the
 * message the click replies to), nothing about who clicked. Teams does not send the card back, so
 * the thank-you is the click's toast.
 */
export function onFeedback(deps: TeamsDeps): ExecuteHandler {
  return withData(feedbackData, deps, "feedback", async (context, { clauseId, helpful }) => {
    const { activity } = context;
    const answerKey = `teams:feedback:${activity.conversation?.id ?? ""}:${activity.replyToId ?? activity.id ?? ""}`;
    const reply = await deps.feedback({ answerKey, clauseId, helpful });
    if (!reply) return MESSAGES.unknownAction;
    deps.logger.info({ clauseId, helpful }, "teams: feedback");
    return reply.lines.join(" ");
  });
}

export function onRequestApproval(deps: TeamsDeps): ExecuteHandler {
  return withData(requestApprovalData, deps, "requestApproval", async (context, { topicId, question }) =>
    asResult(await deps.flows.requestApproval(deps.interaction(context), topicId, question ? { question } : {})),
  );
}

export function onReportConcern(deps: TeamsDeps): ExecuteHandler {
  return withData(clauseContextData, deps, "reportConcern", async (context, { clauseId }) =>
    asResult(await deps.flows.startReport(deps.interaction(context), { clauseId })),
  );
}

export function onAskPerson(deps: TeamsDeps): ExecuteHandler {
  return withData(clauseContextData, deps, "askPerson", async (context, { clauseId }) =>
    asResult(await deps.flows.askPerson(deps.interaction(context), { clauseId })),
  );
}

/** Any other Action.Execute (a card from an older version): a toast instead of an error. */
export const isCardAction = async (context: TurnContext): Promise<boolean> =>
  context.activity.type === ActivityTypes.Invoke && context.activity.name === "adaptiveCard/action";

/** Any `application/search` invoke (a typeahead in a card), whatever its dataset. */
export const isSearchInvoke = async (context: TurnContext): Promise<boolean> =>
  context.activity.type === ActivityTypes.Invoke && context.activity.name === "application/search";

export async function onUnknownCardAction(context: TurnContext): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: MESSAGES.unknownAction } },
  });
}

/**
 * "Request approval" on an answer card opens a dialog (task/fetch): the flow's card is its form;
 * a text (the flow is not switched on) is shown as the dialog's message.
 */
export function onRequestApprovalDialog(deps: TeamsDeps) {
  return async (context: TurnContext, _state: TurnState, raw: unknown): Promise<TaskModuleTaskInfo | string> => {
    const parsed = requestApprovalData.safeParse(raw);
    if (!parsed.success) return MESSAGES.unknownAction;
    const { topicId, question } = parsed.data;
    const reply = await deps.flows.requestApproval(deps.interaction(context), topicId, question ? { question } : {});
    return typeof reply === "string" ? reply : { title: "Request approval", card: CardFactory.adaptiveCard(reply), width: "large", height: "large" };
  };
}
