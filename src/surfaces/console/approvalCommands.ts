import type { Answer } from "../../core/advice/index.ts";
import type { DecisionInput } from "../../core/approvals/index.ts";
import type { Actor } from "../../interactions/actor.ts";
import type { ConsoleDeps } from "./deps.ts";
import { command, headAndRest, nothing, requestReference, text, type CommandContext } from "./command.ts";
import { startForm } from "./form.ts";
import { decisionInteractions } from "../../interactions/decision.ts";
import { listRequests, REQUESTS_WORDS } from "../../interactions/requests.ts";
import { approvalText, replyText } from "./render/approval.ts";
import { requestForm } from "./requestForm.ts";

/** Why /request does not apply after an answer of this verdict, and what to do instead. */
const NO_APPROVAL: Partial<Record<Answer["verdict"], string>> = {
  report: "Your last answer says to report this, not to ask for an approval: type /report to report it, confidentially or anonymously.",
  prohibited: "Your last answer says the Code does not allow this, so there is no approval to ask for. If you are unsure, ask the ethics officer.",
  allowed: "Your last answer says this is allowed without anyone's approval; there is nothing to request.",
  guidance: "Your last answer calls for guidance, not an approval: ask the people it names.",
  out_of_scope: "Your last answer is not about something the Code asks you to get approved. Ask a question about what you want to do, then /request.",
  needs_approval: "Ask a question first; /request asks for the approval its answer says you need.",
};

export const request = command({
  usage: "/request",
  help: "ask for the approval your last answer needs (prompted fields)",
  args: nothing,
  asPerson: true,
  async run({ deps, session, say }, _args, me) {
    const answer = session.lastAnswer;
    if (!answer) return say("Ask a question first; /request asks for the approval its answer says you need.");
    if (answer.verdict !== "needs_approval" || !answer.topicId) return say(NO_APPROVAL[answer.verdict] ?? NO_APPROVAL.needs_approval!);
    const { approvals } = await deps.services();
    const { form, text } = startForm(requestForm(approvals, me, { ...answer, topicId: answer.topicId }));
    session.form = form;
    say(text);
  },
});

/** The decision interactions on the console's cores; a failure's cause is logged at debug level only. */
const decisionsFor = (deps: ConsoleDeps) =>
  deps.services().then(({ approvals }) => decisionInteractions(approvals, { error: (details, message) => deps.logger?.debug(details, message) }));

/** Finds the request by its reference and decides it at the stage it is at now. */
async function decideAs(ctx: CommandContext, actor: Actor, reference: string, decision: Omit<DecisionInput, "stage">): Promise<void> {
  const { approvals, reads } = await ctx.deps.services();
  const id = await reads.requestIdOf(reference);
  const view = id ? await approvals.get(id, actor.person.id) : null;
  if (!id || !view) return ctx.say(`No request ${reference} for you to see.`);
  const onBehalfOf = view.viewer.onBehalfOf?.id;
  const { reply } = await (await decisionsFor(ctx.deps)).decide(actor, id, { ...decision, stage: view.currentStage, ...(onBehalfOf ? { onBehalfOf } : {}) });
  ctx.say(replyText(reply));
}

export const approve = command({
  usage: "/approve <AP-n> [conditions]",
  help: "approve a request waiting for you, optionally with conditions",
  args: headAndRest({ head: requestReference, rest: nothing }),
  asPerson: true,
  run: (ctx, { head, rest }, _me, actor) => decideAs(ctx, actor, head, { action: "approve", ...(rest ? { conditions: rest } : {}) }),
});

export const decline = command({
  usage: "/decline <AP-n> <reason>",
  help: "decline a request, with the reason the requester reads",
  args: headAndRest({ head: requestReference, rest: text("the reason") }),
  asPerson: true,
  run: (ctx, { head, rest }, _me, actor) => decideAs(ctx, actor, head, { action: "decline", reason: rest }),
});

export const askInfo = command({
  usage: "/ask-info <AP-n> <question>",
  help: "ask the requester a question before deciding",
  args: headAndRest({ head: requestReference, rest: text("the question") }),
  asPerson: true,
  run: (ctx, { head, rest }, _me, actor) => decideAs(ctx, actor, head, { action: "ask_info", question: rest }),
});

export const answerInfo = command({
  usage: "/answer <AP-n> <text>",
  help: "answer an approver's question about your request",
  args: headAndRest({ head: requestReference, rest: text("your answer") }),
  asPerson: true,
  async run({ deps, say }, { head, rest }, _me, actor) {
    const id = await (await deps.services()).reads.requestIdOf(head);
    if (!id) return say(`No request ${head} for you to see.`);
    say(replyText(await (await decisionsFor(deps)).answer(actor, id, rest)));
  },
});

export const requests = command({
  usage: "/requests",
  help: "your approval requests, and those waiting for your decision",
  args: nothing,
  asPerson: true,
  async run({ deps, say }, _args, _me, actor) {
    const list = await listRequests((await deps.services()).approvals, actor);
    if (!list.waiting.length && !list.mine.length) return say(REQUESTS_WORDS.none);
    const more = (n: number) => (n ? [REQUESTS_WORDS.more(n)] : []);
    say(
      [
        `${REQUESTS_WORDS.waiting}:`,
        ...(list.waiting.length ? list.waiting.map((w) => approvalText(w.view)) : [REQUESTS_WORDS.noneWaiting]),
        ...more(list.moreWaiting),
        `${REQUESTS_WORDS.mine}:`,
        ...(list.mine.length ? list.mine.map(approvalText) : [REQUESTS_WORDS.noneMine]),
        ...more(list.moreMine),
      ].join("\n"),
    );
  },
});
