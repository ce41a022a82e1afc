import type { Topic } from "../policy/rules.ts";
import type { ApproverRole, Verdict } from "../policy/types.ts";
import { prohibitedActIn } from "./acts.ts";
import { readValue, type ValueReading } from "./amount.ts";
import type { Intent } from "./intent.ts";
import { words } from "./normalise.ts";
import { WEIGHTS, type ClauseScore, type TopicScore } from "./score.ts";
import { holds, moneyRangeIn, type MoneyRange } from "./valueRange.ts";

export interface Decision {
  topic: Topic;
  verdict: Verdict;
  approvers: ApproverRole[];
  /** The question describes misconduct, so the reporting clause is cited too. */
  report: boolean;
  /** It was done to the asker: the answer gives the reporting path and the protection from retaliation. */
  toMe?: boolean;
  /** The act the question names that the Code prohibits outright ("backdate", "kickback"), when it overrode the topic's verdict. */
  prohibitedAct?: string;
  /** The question implicates the asker's supervisor: the answer names other routes. */
  bypassSupervisor?: boolean;
  /** The topic's value thresholds decided the verdict: why ("$500 is significant value…"). */
  value?: ValueReading;
}

/** How much the question's form favours a topic whose verdict fits it. */
const INTENT_BONUS = { guidance: 1, approval: 0.5, report: 0.5 } as const;
/** How much saying "I want to report…" favours the reporting clause, when the question touches it at all. */
const REPORT_ACT_BONUS = 0.75;
const EXAMPLES_IN_FIT = 0.3;

/** How much a rule whose own money range holds the amount the question names gains ("up to EUR 50" for a €30 gift); one whose range excludes it loses half. */
const AMOUNT_FIT = 1;
/** Only clauses scoring at least this share of the best compete on the amount. */
const AMOUNT_FIELD = 0.4;

const ranges = new WeakMap<Topic, MoneyRange | null>();
/** The money range a topic's quoted sentence sets, unless its rules give value thresholds (those decide instead). */
function rangeOf(topic: Topic): MoneyRange | undefined {
  if (topic.values) return undefined;
  let range = ranges.get(topic);
  if (range === undefined) ranges.set(topic, (range = moneyRangeIn(topic.quote) ?? null));
  return range ?? undefined;
}

/** +1 when one of the clause's relevant topics has a range holding the amount (or value thresholds), -1 when all those with a range exclude it, 0 otherwise. */
function amountFit(clause: ClauseScore, topics: readonly Topic[], amount: number, offeredToMe: boolean): number {
  let seen = false;
  for (const t of clause.topics) {
    if (t.relevance <= 0) continue;
    // A token amount is what value thresholds are for ("a tenner's worth of sweets"): the question is about them.
    const values = topics[t.topic]!.values;
    if (values && offeredToMe && amount <= values.nominal.up_to) return 1;
    const range = rangeOf(topics[t.topic]!);
    if (!range) continue;
    if (holds(range, amount)) return 1;
    seen = true;
  }
  return seen ? -1 : 0;
}

/** A question naming an amount favours the close clauses whose own limits hold it, when any does. */
function byAmount(clauses: ClauseScore[], topics: readonly Topic[], { amount, offeredToMe }: Intent): ClauseScore[] {
  if (amount === undefined || !clauses.length) return clauses;
  const field = clauses[0]!.score * AMOUNT_FIELD;
  const fits = clauses.map((c) => (c.score >= field ? amountFit(c, topics, amount, offeredToMe) : 0));
  if (!fits.includes(1)) return clauses;
  return clauses
    .map((c, i) => (fits[i] ? { ...c, score: c.score + (fits[i]! > 0 ? AMOUNT_FIT : -AMOUNT_FIT / 2) } : c))
    .sort((a, b) => b.score - a.score);
}

/** Applies what the question's form says to the clause ranking (highest first afterwards); `confidentFrom` is the score of a clear match. */
export function rerank(ranked: ClauseScore[], intent: Intent, reportingTopic: Topic | undefined, topics: readonly Topic[], confidentFrom = Infinity): ClauseScore[] {
  // Cash and its equivalents are refused whatever they are worth: the amount picks no clause for them.
  const clauses = intent.cashLike ? ranked : byAmount(ranked, topics, intent);
  // Treated badly after reporting, or asking to act against whoever reported: the no-retaliation clause.
  const retaliation = intent.aboutReporting && (intent.doneToMe || intent.asksPermission);
  const reportRoute = intent.wantsToReport || (intent.implicatesSupervisor && intent.seeksGuidance) || retaliation;
  // "Who do I ask if I'm not sure…" with no clear subject: the clauses that give guidance (whom to ask, who
  // interprets the Code) gain what a guidance topic gains within its clause.
  if (intent.seeksGuidance && !reportRoute && (clauses[0]?.score ?? 0) < confidentFrom) {
    const guides = (c: ClauseScore) => c.topics.some((t) => topics[t.topic]!.verdict === "guidance" && t.relevance > 0);
    return clauses.map((c) => (guides(c) ? { ...c, score: c.score + INTENT_BONUS.guidance } : c)).sort((a, b) => b.score - a.score);
  }
  if (!reportRoute || !reportingTopic) return clauses;
  const touched = (c: ClauseScore) => c.topics.some((t) => topics[t.topic] === reportingTopic && t.relevance > 0);
  const adjusted = clauses.map((c) => (touched(c) ? { ...c, score: c.score + REPORT_ACT_BONUS } : c)).sort((a, b) => b.score - a.score);
  // Retaliation is what the no-retaliation clause is about, whatever else the question touches.
  const own = retaliation ? adjusted.findIndex(touched) : -1;
  if (own > 0) adjusted.unshift({ ...adjusted.splice(own, 1)[0]!, score: adjusted[0]!.score }); // best first, scores too
  return adjusted;
}

/**
 * Picks the topic of the winning clause that fits the question best (its concepts, its cues, and
 * the question's form), then the verdict: the topic's own, except that a situation describing
 * someone else's misconduct is to be reported, and asking permission for one's own act is not a report.
 */
export function decide(clause: ClauseScore, topics: readonly Topic[], intent: Intent, reportingTopic: Topic | undefined, question = ""): Decision {
  const decision = decideTopic(clause, topics, intent, reportingTopic);
  // Something done to the asker is never a verdict aimed at them: the reporting path, and protection.
  // Acting against the person who reported you is retaliation, which the Code rules out.
  if (intent.aboutReporting && intent.asksPermission && decision.topic.id === reportingTopic?.id) return { ...decision, verdict: "prohibited", approvers: [], report: false };
  if (intent.doneToMe && !intent.asksPermission) return { topic: decision.topic, verdict: "report", approvers: [], report: decision.topic.id !== reportingTopic?.id, toMe: true };
  // A prohibited act is never allowed, never merely approvable, and not just a matter for guidance.
  if (decision.verdict === "allowed" || decision.verdict === "needs_approval" || decision.verdict === "guidance") {
    const found = prohibitedActIn(question.toLowerCase());
    // A gift prohibited for its kind (cash) answers by the topic's thresholds when the rules give them.
    const act = found?.byValue && decision.topic.values ? undefined : found;
    if (act && !intent.doneToMe) {
      if (intent.othersAct || intent.witnessed) return { topic: decision.topic, verdict: "report", approvers: [], report: decision.topic.id !== reportingTopic?.id };
      return { ...decision, verdict: "prohibited", prohibitedAct: act.words };
    }
  }
  return afterwards(byValue(decision, question), intent);
}

/**
 * What the topic's verdict cannot mean for the question's form: approval "beforehand" for what is already
 * done, or "allowed" (the Company's leave to do something) to someone asking whether they must go along
 * with it. Either way the asker gets guidance from whoever the topic names.
 */
function afterwards(decision: Decision, intent: Intent): Decision {
  if (decision.verdict === "needs_approval" && intent.afterTheFact) return { ...decision, verdict: "guidance" };
  if (decision.verdict === "allowed" && intent.asksObligation) return { ...decision, verdict: "guidance" };
  return decision;
}

/** A topic with value thresholds answers by the amount the question names (a $15 mug, a $500 gift card). */
function byValue(decision: Decision, question: string): Decision {
  const { values } = decision.topic;
  if (!values || decision.verdict === "report" || decision.verdict === "out_of_scope") return decision;
  const text = ` ${words(question).join(" ")} `;
  const hasWord = (phrases: readonly string[]) => phrases.find((p) => text.includes(` ${words(p).join(" ")} `));
  const value = readValue(question, values, hasWord);
  if (!value) return decision;
  const approvers = value.verdict === "needs_approval" || value.verdict === "guidance" ? decision.approvers : [];
  return { ...decision, verdict: value.verdict, approvers, value };
}

function decideTopic(clause: ClauseScore, topics: readonly Topic[], intent: Intent, reportingTopic: Topic | undefined): Decision {
  const ranked = clause.topics
    .map((score) => ({ score, fit: fit(score, topics[score.topic]!, intent) }))
    .sort((a, b) => b.fit - a.fit || a.score.topic - b.score.topic); // ties go to the topic listed first
  // Torn between what the Code permits or lets be approved and what it prohibits, the question touching
  // more of the prohibition's facets ("a fundraiser" + "our lobby"): the prohibition answers.
  const chosen = ranked[0]!.score;
  const stricter = topics[chosen.topic]!.verdict === "allowed" || topics[chosen.topic]!.verdict === "needs_approval"
    ? ranked.find(({ score }) => topics[score.topic]!.verdict === "prohibited" && !score.partial && score.facets > chosen.facets && score.cues >= chosen.cues)
    : undefined;
  const topic = topics[(stricter ?? ranked[0]!).score.topic]!;

  // Someone else's act is to be reported when it is wrong in itself, or the asker saw it or asks what to
  // do; merely naming someone else ("our CFO wants to lease…") leaves an approval question as it is.
  // Someone else already doing what needs approval (taking the van home, using the card) is to be reported too.
  // Only wanting or planning a prohibited act ("our CEO wants a personal loan") gets the prohibition itself.
  // Asking whom to turn to about what someone else is doing ("the person breaking the rules is my
  // supervisor, who do I go to") asks for a reporting route, whichever clause the words found.
  const wrongful =
    (topic.verdict === "prohibited" && (intent.othersAct || !intent.plansOnly)) ||
    intent.witnessed ||
    intent.wantsToReport ||
    (intent.othersAct && (topic.verdict === "needs_approval" || (topic.verdict === "guidance" && intent.seeksGuidance)));
  if ((intent.describesMisconduct || intent.wantsToReport) && !intent.asksPermission && wrongful && topic.verdict !== "report") {
    return { topic, verdict: "report", approvers: [], report: topic.id !== reportingTopic?.id };
  }
  if (topic.verdict === "report" && intent.asksPermission && topic.id !== reportingTopic?.id && !intent.describesMisconduct) {
    return { topic, verdict: "prohibited", approvers: [], report: false };
  }
  // "What counts as a conflict of interest?" asks what the clause says, not for a ruling on an act:
  // guidance from it, naming whoever it says approves.
  if (intent.asksMeaning && !intent.describesMisconduct && topic.verdict !== "report") return { topic, verdict: "guidance", approvers: [...topic.approvers], report: false };
  return { topic, verdict: topic.verdict, approvers: [...topic.approvers], report: false };
}

/** Concepts and cues decide between a clause's topics; the examples only break near-ties. */
function fit(score: TopicScore, topic: Topic, intent: Intent): number {
  let value = score.concepts + EXAMPLES_IN_FIT * score.examples + WEIGHTS.cue * Math.min(2, score.cues);
  // "Meals up to EUR 100" or "events need approval": the amount named picks the topic whose range holds it.
  const range = intent.amount === undefined || intent.cashLike ? undefined : rangeOf(topic);
  if (range) value += holds(range, intent.amount!) ? AMOUNT_FIT : -AMOUNT_FIT;
  // Asking whom to turn to when one's own supervisor is involved asks for a reporting route, not an interpretation.
  if (intent.seeksGuidance && topic.verdict === "guidance" && !intent.implicatesSupervisor) value += INTENT_BONUS.guidance;
  if (intent.asksWhoApproves && topic.verdict === "needs_approval") value += INTENT_BONUS.approval;
  if (intent.describesMisconduct && topic.verdict === "report") value += INTENT_BONUS.report;
  return value;
}
