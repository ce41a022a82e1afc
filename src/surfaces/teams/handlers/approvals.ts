import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import type { z, ZodType } from "zod";
import type { ApprovalService } from "../../../core/approvals/service.ts";
import type { ApprovalDetails, DecisionAction, DetailField } from "../../../core/approvals/types.ts";
import { decisionInteractions, STATUS_WORDS } from "../../../interactions/decision.ts";
import { listRequests, REQUESTS_WORDS } from "../../../interactions/requests.ts";
import type { Notice } from "../../../interactions/reply.ts";
import type { Policy } from "../../../core/policy/load.ts";
import { replyActivity } from "../cards/deliver.ts";
import type { Card } from "../cards/elements.ts";
import { approvalCard, noticeCard, requestFormCard } from "../cards/approvals.ts";
import { roleName } from "../cards/labels.ts";
import { MESSAGES } from "../cards/messages.ts";
import { escapeCardText as esc } from "../cards/text.ts";
import { senderOf, type ApprovalCardUpdates, type TeamsCores } from "../cores.ts";
import type { Interaction, Reply, TeamsDeps } from "../deps.ts";
import { DELEGATION_WORDS, delegationInteractions, showDelegation } from "../../../interactions/delegation.ts";
import { delegateFormCard, delegationCard } from "../cards/delegation.ts";
import { answerInfoData, APPROVAL_VERBS, decisionData, delegateInputs, requestRefData, submitRequestData } from "../verbs.ts";
import { peopleByIds } from "./people.ts";

type Approvals = TeamsCores & ApprovalCardUpdates & { approvals: ApprovalService };
const asCard = (reply: Reply) => reply as AdaptiveCard;

/** The idempotency key of a click: Teams' activity id, unique per click, repeated on redelivery. */
const clickKey = (context: TurnContext) => `teams:${context.activity.id ?? ""}:${context.activity.conversation?.id ?? ""}`;

function parsed<T>(schema: ZodType<T>, deps: Pick<TeamsDeps, "logger">, verb: string, handle: (context: TurnContext, data: T) => Promise<Reply>) {
  return async (context: TurnContext, _state: unknown, raw: unknown): Promise<AdaptiveCard | string> => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      deps.logger.warn({ verb }, "teams: card action with unexpected data");
      return MESSAGES.unknownAction;
    }
    return asCard(await handle(context, result.data));
  };
}

/** An interaction's notice as a card with no buttons (in place of the clicked card). */
const noticeReply = (reply: Notice): Card => noticeCard(esc(reply.title), reply.lines.map(esc));

/** Approve / Decline / Ask for info (Action.Execute with the card's inputs), refresh, the requester's answer and request form. */
export function approvalRoutes(cores: Approvals, policy: Policy) {
  return (app: Application, deps: TeamsDeps): void => {
    const { approvals, directory } = cores;
    const decisions = decisionInteractions(approvals, deps.logger);
    /**
     * After a change, every approval card already sent about the request (the approvers', the
     * requester's) is edited in place as its reader may now see it; the clicked card is replaced by
     * the click's answer. A card that cannot be edited is logged, never fails the click.
     */
    const updateSentCards = async (context: TurnContext, requestId: string) => {
      if (!cores.approvalCards) return;
      try {
        const except = context.activity.replyToId;
        const updated = await cores.approvalCards.refresh(requestId, except ? { except } : {});
        deps.logger.info({ requestId, updated }, "teams: approval cards updated");
      } catch (error) {
        deps.logger.warn({ requestId, error: (error as Error)?.name }, "teams: could not update approval cards");
      }
    };
    const decision = (action: DecisionAction) =>
      parsed(decisionData, deps, action, async (context, data) => {
        const me = await senderOf(context);
        if (!me.person) return me.why;
        const input = {
          action,
          stage: data.stage,
          ...(data.onBehalfOf ? { onBehalfOf: data.onBehalfOf } : {}),
          ...(action === "approve" ? { ...(data.conditions ? { conditions: data.conditions } : {}), ...(data.expiresOn ? { expiresOn: data.expiresOn } : {}) } : {}),
          ...(action === "decline" && data.reason ? { reason: data.reason } : {}),
          ...(action === "ask_info" && data.question ? { question: data.question } : {}),
        };
        const { reply, outcome } = await decisions.decide(me, data.requestId, input, clickKey(context));
        deps.logger.info({ action, outcome, requestId: data.requestId }, "teams: approval decision");
        if (reply.kind === "approval" && reply.changed) await updateSentCards(context, data.requestId);
        if (reply.kind === "approval") return approvalCard(reply.view);
        if (reply.kind === "notice") return noticeReply(reply);
        // A missing reason or question: the card again, with the message and what they typed.
        const message = Object.values(reply.errors).join(" ");
        const view = await approvals.get(data.requestId, me.person.id);
        return view ? approvalCard(view, { error: message, inputs: data }) : message;
      });
    app.adaptiveCards.actionExecute(APPROVAL_VERBS.approve, decision("approve"));
    app.adaptiveCards.actionExecute(APPROVAL_VERBS.decline, decision("decline"));
    app.adaptiveCards.actionExecute(APPROVAL_VERBS.askInfo, decision("ask_info"));

    app.adaptiveCards.actionExecute(
      APPROVAL_VERBS.refresh,
      parsed(requestRefData, deps, "refresh", async (context, { requestId }) => {
        const me = await senderOf(context);
        const view = me.person ? await approvals.get(requestId, me.person.id) : null;
        return view ? approvalCard(view) : MESSAGES.unknownAction;
      }),
    );

    app.adaptiveCards.actionExecute(
      APPROVAL_VERBS.answerInfo,
      parsed(answerInfoData, deps, "answerInfo", async (context, { requestId, answer }) => {
        const me = await senderOf(context);
        if (!me.person) return me.why;
        const reply = await decisions.answer(me, requestId, answer ?? "");
        if (reply.kind === "notice") return noticeReply(reply);
        if (reply.kind === "field_errors") {
          const view = await approvals.get(requestId, me.person.id);
          return view ? approvalCard(view, { error: reply.errors.answer!, inputs: { answer: answer ?? "" } }) : reply.errors.answer!;
        }
        if (reply.changed) await updateSentCards(context, requestId);
        return approvalCard(reply.view);
      }),
    );

    /** Makes the request from the form's inputs: the form again with the problem, or a confirmation. */
    const sendRequest = async (context: TurnContext, data: z.infer<typeof submitRequestData>, inDialog: boolean): Promise<{ form: Card } | { sent: Card; text: string } | string> => {
      const me = await senderOf(context);
      if (!me.person) return me.why;
      const values = stringValues(data);
      const result = await approvals.request({ requesterId: me.person.id, topicId: data.topicId, summary: values.summary ?? "", details: detailsOf(values) }, clickKey(context));
      if (result.kind === "rejected") {
        const form = requestForm(cores, policy, data.topicId, values, { error: result.message, ...(result.field ? { errorField: result.field.replace(/^details\./, "") } : {}), inDialog });
        return form ? { form } : result.message;
      }
      deps.logger.info({ requestId: result.view.id, replayed: result.replayed }, "teams: approval requested");
      const stage = result.view.stages[0];
      const who = stage ? stage.approvers.map((a) => a.person.name).join(", ") : "";
      const next = who ? `It went to ${who}. I'll tell you in our chat when they decide.` : "I'll tell you in our chat when it is decided.";
      return { sent: noticeCard(`Request ${esc(result.view.reference)} sent`, [esc(result.view.summary), esc(next)]), text: `Request ${result.view.reference} sent. ${next}` };
    };

    // On a card (an answer card from before dialogs): Action.Execute.
    app.adaptiveCards.actionExecute(
      APPROVAL_VERBS.submitRequest,
      parsed(submitRequestData, deps, "submitRequest", async (context, data) => {
        const outcome = await sendRequest(context, data, false);
        return typeof outcome === "string" ? outcome : "form" in outcome ? outcome.form : outcome.sent;
      }),
    );
    // In the dialog: task/submit. Problems keep the dialog open with the form; success closes it.
    app.taskModules.submit(APPROVAL_VERBS.submitRequest, async (context, _state, raw) => {
      const data = submitRequestData.safeParse(raw);
      if (!data.success) return MESSAGES.unknownAction;
      const outcome = await sendRequest(context, data.data, true);
      if (typeof outcome === "string") return outcome;
      if ("form" in outcome) return { title: "Request approval", card: CardFactory.adaptiveCard(outcome.form), width: "large", height: "large" } as TaskModuleTaskInfo;
      await deps.interaction(context).replyPrivately(replyActivity(outcome.sent));
      return outcome.text;
    });

    // Delegate my approvals: a dialog with a people picker (src/interactions/delegation.ts).
    const delegation = delegationInteractions(approvals, deps.logger);
    const delegateDialog = (form: Card): TaskModuleTaskInfo => ({ title: DELEGATION_WORDS.title, card: CardFactory.adaptiveCard(form), width: "medium", height: "medium" });
    app.taskModules.fetch(APPROVAL_VERBS.delegateForm, async (context) => {
      const me = await senderOf(context);
      if (!me.person) return me.why;
      return delegateDialog(delegateFormCard({ current: (await delegation.show(me)).current }));
    });
    app.taskModules.submit(APPROVAL_VERBS.delegateSubmit, async (context, _state, raw) => {
      const data = delegateInputs.safeParse(raw);
      if (!data.success) return MESSAGES.unknownAction;
      const me = await senderOf(context);
      if (!me.person) return me.why;
      const { delegateId, until } = data.data;
      const stop = data.data.stop === true || data.data.stop === "true";
      const reply = await delegation.save(me, { stop, ...(delegateId ? { delegateId } : {}), ...(until !== undefined ? { until } : {}) });
      if (reply.kind === "notice") return reply.lines.join("\n");
      const [selected] = delegateId ? await peopleByIds(directory, [delegateId]) : [];
      const { current } = await delegation.show(me);
      return delegateDialog(delegateFormCard({ current, ...(selected ? { selected } : {}), ...(until ? { until } : {}), errors: reply.errors }));
    });
  };
}

/** The `delegate` command: who decides for the person now, and the button that opens the dialog. */
export function delegateFlow(cores: Approvals) {
  return async (interaction: Interaction): Promise<Reply> => {
    const me = await interaction.sender();
    if (!me.person) return me.why;
    return delegationCard((await showDelegation(cores.approvals, me)).current);
  };
}

const DETAIL_FIELDS: DetailField[] = ["amount", "currency", "giver", "organisation", "position", "date", "endDate"];

function stringValues(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
  return out;
}

function detailsOf(values: Record<string, string>): ApprovalDetails {
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    details[field] = field === "amount" && /^\d+(\.\d+)?$/.test(value.replace(/,/g, "")) ? Number(value.replace(/,/g, "")) : value;
  }
  return details as ApprovalDetails;
}

/** The request form for a topic, or null when the topic is not in the rules file. */
export function requestForm(cores: Approvals, policy: Policy, topicId: string, values: Record<string, string>, extra: { error?: string; errorField?: string; inDialog?: boolean } = {}) {
  const topic = policy.rules.topics.find((t) => t.id === topicId);
  if (!topic) return null;
  return requestFormCard({
    topicId,
    clause: topic.clause,
    approvers: topic.approvers.map(roleName).join(", "),
    requires: cores.approvals.settings.topic(topicId).requires,
    values,
    ...extra,
  });
}

/** "Request approval" under an answer: the form, in place of the answer card, prefilled from the question. */
export function requestApprovalFlow(cores: Approvals, policy: Policy) {
  return async (interaction: Interaction, topicId: string, from: { question?: string } = {}): Promise<Reply> =>
    requestForm(cores, policy, topicId, from.question ? { summary: from.question.slice(0, 500) } : {}, { inDialog: interaction.context.activity.name === "task/fetch" }) ??
    MESSAGES.unknownAction;
}

/** The `requests` command: what waits for the person's decision, and their own requests. */
export function listRequestsFlow(cores: Approvals) {
  return async (interaction: Interaction): Promise<Reply> => {
    const me = await interaction.sender();
    if (!me.person) return me.why;
    const list = await listRequests(cores.approvals, me);
    if (!list.mine.length && !list.waiting.length) return REQUESTS_WORDS.none;
    const W = REQUESTS_WORDS;
    const more = (n: number) => (n ? [esc(W.more(n))] : []);
    const lines = [
      `**${esc(W.waiting)}**`,
      ...(list.waiting.length ? list.waiting.map((w) => `${esc(w.view.reference)} · ${esc(w.view.summary.slice(0, 120))} (from ${esc(w.view.requester.name)})`) : [esc(W.noneWaiting)]),
      ...more(list.moreWaiting),
      `**${esc(W.mine)}**`,
      ...(list.mine.length ? list.mine.map((v) => `${esc(v.reference)} · ${esc(v.summary.slice(0, 120))} · ${STATUS_WORDS[v.status]}`) : [esc(W.noneMine)]),
      ...more(list.moreMine),
    ];
    return noticeCard(esc(W.title), lines);
  };
}
