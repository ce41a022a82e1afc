import type { Policy } from "../policy/load.ts";
import { codeWords, compoundBlanker, knownWords } from "./compounds.ts";
import { composeAnswer, EMPTY_ANSWER, EMPTY_HEADLINE, NOT_ENGLISH_ANSWER, NOT_ENGLISH_HEADLINE, notCoveredAnswer } from "./answer.ts";
import { prohibitedActIn } from "./acts.ts";
import { readIntent, type Intent } from "./intent.ts";
import { isEnglish } from "./language.ts";
import { logisticsForm } from "./logistics.ts";
import { nameBlanker } from "./names.ts";
import { MATCH_LIMIT } from "./normalise.ts";
import { Scorer, type ClauseScore, type Scored } from "./score.ts";
import type { Answer, CitedClause } from "./types.ts";
import { decide, rerank } from "./verdict.ts";

export interface Advisor {
  advise(question: string): Answer;
}

/** From this score a question is clearly about its best clause (one facet of a topic is not enough). */
export const ABSTAIN_BELOW = 1.6;
/**
 * Below ABSTAIN_BELOW a question is still answered from its best clause unless something says it is
 * out of scope: a not-covered term (payroll, parking…), or a score under this floor without an ethics
 * term (fake, bribe, shred…) or the form of a conduct question to say it is a Code matter.
 */
const WEAK_FLOOR = 1;
/** The words Codes use for what a breach leads to (see Intent.asksConsequences). */
const CONSEQUENCES_GLOSS = "violations breaches of this code may result in disciplinary action up to and including termination dismissal";
/** A logistics question without an ethics term or a conduct question's form is answered only from this score. */
const LOGISTICS_BAR = 3;
/** "Can I…", "Is it OK…", "I saw…", "What should I do…": a conduct question's form, with at least this score. */
const FORM_FLOOR = 0.45;
/** An ethics term makes a question in scope if its best clause scores at least this. */
const ETHICS_FLOOR = 0.15;
/** Other clauses are cited after the deciding one when they score at least this share of it… */
const RUNNER_UP_SHARE = 0.3;
/** …and at least this absolute score. */
const RUNNER_UP_FLOOR = 0.5;
const MAX_CLAUSES = 3;
/** A runner-up from another section is cited only when it scores at least this share of the deciding clause. */
const OTHER_SECTION_SHARE = 0.4;
const sectionOfClause = (id: string) => id.replace(/[.(].*$/, "");
/** A clause the deciding topic names too (its `also`, or the reporting clause) scores at least this share of it. */
const COMPANION_SHARE = 0.8;

/** Builds the question → answer function for one Code and its reviewed rules; everything runs in process. */
export function createAdvisor(policy: Policy): Advisor {
  const scorer = new Scorer(policy);
  const { rules, document } = policy;
  const reportingTopic = rules.topics.find((t) => t.id === rules.advice.reporting_topic);
  const blankNames = nameBlanker(document);
  // One reading of the Code's words serves the compounds, the logistics forms and the known words.
  const isCodeWord = codeWords(document);
  const blankCompounds = compoundBlanker(isCodeWord);
  const vocabulary = { isCodeWord, isKnownWord: knownWords(policy.rules, isCodeWord) };

  const quoteFor = (clause: ClauseScore | undefined, clauseId: string): string => {
    const best = clause?.topics[0];
    if (best && best.relevance > 0) return rules.topics[best.topic]!.quote;
    return rules.topics.find((t) => t.clause === clauseId)?.quote ?? document.clauses.get(clauseId)?.sentences[0] ?? "";
  };
  const cite = (clauseId: string, quote: string, score: number): CitedClause => ({
    id: clauseId,
    title: document.clauses.get(clauseId)?.title ?? "",
    quote,
    score: toUnit(score),
  });

  return {
    advise(raw: string): Answer {
      const question = raw.trim();
      if (!question) return { ...outOfScope(question, EMPTY_ANSWER, "empty"), headline: EMPTY_HEADLINE };
      if (!isEnglish(question)) return { ...outOfScope(question, NOT_ENGLISH_ANSWER, "not_english"), headline: NOT_ENGLISH_HEADLINE };
      const notice = question.length > MATCH_LIMIT ? ("truncated" as const) : undefined;

      const intent = readIntent(question);
      // A prohibited act named in everyday words ("date the invoice for last month") is matched with the
      // Code's words for it too, so the clause that prohibits it is found when the question alone is weak.
      const act = prohibitedActIn(question.slice(0, MATCH_LIMIT).toLowerCase());
      const match = (text: string) => {
        const scored = scorer.score(text);
        if ((scored.clauses[0]?.score ?? 0) >= ABSTAIN_BELOW) return scored;
        if (act) return scorer.score(`${text}. ${act.gloss}`);
        // What a breach leads to is what a Code's discipline clause says, in the words Codes use for it.
        if (intent.asksConsequences) return scorer.score(`${text}. ${CONSEQUENCES_GLOSS}`);
        return scored;
      };
      /** A text's scores and its best clause once the question's form has reranked them. */
      const matchBest = (text: string): { scored: Scored; best: ClauseScore | undefined } => {
        const scored = match(text);
        return { scored, best: rerank(scored.clauses, intent, reportingTopic, rules.topics, ABSTAIN_BELOW)[0] };
      };
      const scored = match(question);
      const clauses = rerank(scored.clauses, intent, reportingTopic, rules.topics, ABSTAIN_BELOW);
      const best = clauses[0];
      // "The Directors' Lounge", "the 'Ethics in AI' talk", "the gift wrap station": a question in scope
      // only through a name of something, or a Code word naming an everyday thing, is not a Code question.
      // Either can only take a question out of scope, never into it, nor change its clause.
      const blanked = blankCompounds(blankNames(question));
      const everyday = blanked.long;
      let everydayMatch: { scored: Scored; best: ClauseScore | undefined } | undefined;
      const asEveryday = (): { scored: Scored; best: ClauseScore | undefined } => {
        if (everyday === question) return { scored, best };
        everydayMatch ??= matchBest(everyday);
        return everydayMatch;
      };
      const inScopeAsEveryday = (): boolean => {
        const other = asEveryday();
        return other.best !== undefined && inScope(other.best, other.scored, intent);
      };
      // In a logistics question a two-word compound is an everyday name too ("who's bringing the gift bags").
      const mereLogisticsQuestion = (): boolean => {
        const shorter = blanked.short;
        if (!logisticsForm(shorter, vocabulary)) return false;
        return mereLogistics(shorter === everyday ? asEveryday() : matchBest(shorter), intent, !!act);
      };
      if (!best || !inScope(best, scored, intent) || (everyday !== question && !inScopeAsEveryday()) || mereLogisticsQuestion()) {
        return { ...outOfScope(question, notCoveredAnswer(rules)), ...(notice && { notice }) };
      }
      const confident = best.score >= ABSTAIN_BELOW;

      const decided = decide(best, rules.topics, intent, reportingTopic, question.slice(0, MATCH_LIMIT));
      // Never suggest the supervisor the question implicates; the answer offers the other routes.
      const decision = intent.implicatesSupervisor ? { ...decided, approvers: decided.approvers.filter((r) => r !== "supervisor"), bypassSupervisor: true } : decided;
      const { topic } = decision;
      const byId = new Map(clauses.map((c) => [c.clauseId, c]));
      const cited: CitedClause[] = [cite(topic.clause, topic.quote, best.score)];
      const add = (clauseId: string, quote: string, score: number) => {
        if (cited.length < MAX_CLAUSES && !cited.some((c) => c.id === clauseId)) cited.push(cite(clauseId, quote, score));
      };
      // A clause cited because the deciding topic calls for it ranks just below the deciding one.
      const companion = (id: string) => Math.max(byId.get(id)?.score ?? 0, best.score * COMPANION_SHARE);
      for (const id of topic.also) add(id, quoteFor(byId.get(id), id), companion(id));
      if (decision.report && reportingTopic) add(reportingTopic.clause, reportingTopic.quote, companion(reportingTopic.clause));
      // A weak match cites the next likeliest clauses too, so the right one is at least among them; a
      // clause of another section only when it comes close to the deciding one (issue 19.4: no unrelated quotes).
      const runnerUpFloor = confident ? Math.max(RUNNER_UP_FLOOR, best.score * RUNNER_UP_SHARE) : ETHICS_FLOOR;
      const otherSectionFloor = Math.max(runnerUpFloor, best.score * OTHER_SECTION_SHARE);
      const section = sectionOfClause(best.clauseId);
      for (const runner of confident ? clauses.slice(1) : sectionsFirst(clauses.slice(1), [section, ...cited.map((c) => sectionOfClause(c.id))])) {
        if (runner.score < runnerUpFloor) continue;
        if (sectionOfClause(runner.clauseId) !== section && runner.score < otherSectionFloor) continue;
        add(runner.clauseId, quoteFor(runner, runner.clauseId), runner.score);
      }
      return {
        question,
        verdict: decision.verdict,
        approvers: decision.approvers,
        clauses: cited,
        answer: composeAnswer(decision, rules),
        topicId: topic.id,
        ...(notice && { notice }),
      };
    },
  };
}

/**
 * A clear match is answered. A weak one is declared out of scope on positive evidence unless an ethics
 * term (fake, bribe, shred…) says it is a Code matter: a not-covered term (payroll, parking…), or the
 * form of a logistics question ("How do I sign up…", "When is…"). Otherwise a weak match is answered
 * when it reaches a floor, lower for a conduct question's form ("Can I…", "I saw…") with a topic behind it
 * (one of its required facets, or two others).
 */
function inScope(best: ClauseScore, scored: Scored, intent: Intent): boolean {
  const { score } = best;
  if (intent.asksLogistics && scored.notCovered && !scored.ethics) return false; // "Where can I print my boarding pass?"
  const conductForm = intent.asksPermission || intent.witnessed || intent.describesMisconduct || intent.wantsToReport;
  // "How do I search old messages", "anyone got a charger I can borrow": the form of a logistics question
  // and no word of a Code matter need a clear match, not one shared word.
  if (intent.asksLogistics && !scored.ethics && !conductForm && score < LOGISTICS_BAR) return false;
  if (score >= ABSTAIN_BELOW) return true;
  if (scored.ethics > 0) return score >= (scored.notCovered ? WEAK_FLOOR : ETHICS_FLOOR);
  // "Noticed someone approving payments to a vendor at her own home address": what the asker saw is a Code matter
  // even when it names an everyday thing (an address), once it matches a clause fairly.
  const sawMisconduct = (intent.witnessed || intent.describesMisconduct) && score >= WEAK_FLOOR;
  // A not-covered term ("the meeting room") does not outweigh the rest of the question when that points
  // at one clause well ahead of every other ("a fundraiser for a candidate").
  const runnerUp = scored.clauses.find((c) => c.clauseId !== best.clauseId)?.score ?? 0;
  const clearlyAbout = score >= WEAK_FLOOR && score - Math.max(0, runnerUp) >= WEAK_FLOOR;
  if ((scored.notCovered && !sawMisconduct && !clearlyAbout) || intent.asksLogistics) return false;
  // "My supervisor is the one doing it, who else can I go to?": a route for reporting around one's supervisor.
  if (intent.implicatesSupervisor && (intent.seeksGuidance || intent.wantsToReport) && best.topics.some((t) => t.relevance > 0)) return true;
  const topicBehind = best.topics.some((t) => !t.partial || t.facets >= 2);
  return score >= (conductForm && topicBehind ? FORM_FLOOR : WEAK_FLOOR);
}

/**
 * A logistics question ("should the meeting be 2pm or 3pm", "the search bar is broken", "book travel
 * for my manager") is a Code question only when it also names a Code matter: an ethics term, a
 * prohibited act, something witnessed or to be reported, or a clear match to one clause.
 */
function mereLogistics({ scored, best }: { scored: Scored; best: ClauseScore | undefined }, intent: Intent, namesAct: boolean): boolean {
  if (namesAct || scored.ethics > 0 || intent.witnessed || intent.wantsToReport || intent.doneToMe) return false;
  return (best?.score ?? 0) < LOGISTICS_BAR;
}

/**
 * Unsure of the deciding clause, the answer cites the likeliest clause of each section not yet cited
 * before a sibling of one already cited, so that the right section is among the few quoted: clauses of
 * one section tend to score alike, and the section is what a weak match most often gets wrong.
 */
function sectionsFirst(runners: readonly ClauseScore[], cited: readonly string[]): ClauseScore[] {
  const seen = new Set(cited);
  const firsts: ClauseScore[] = [];
  const rest: ClauseScore[] = [];
  for (const runner of runners) {
    const section = sectionOfClause(runner.clauseId);
    if (seen.has(section)) rest.push(runner);
    else {
      seen.add(section);
      firsts.push(runner);
    }
  }
  return [...firsts, ...rest];
}

function outOfScope(question: string, answer: string, notice?: Answer["notice"]): Answer {
  return { question, verdict: "out_of_scope", approvers: [], clauses: [], answer, ...(notice && { notice }) };
}

/** Maps a raw score (about 0..6) onto 0..1 for display and ordering. */
function toUnit(score: number): number {
  return Math.round(1000 * (1 - Math.exp(-Math.max(0, score) / 3))) / 1000;
}

