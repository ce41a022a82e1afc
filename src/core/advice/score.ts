import type { Policy } from "../policy/load.ts";
import { Lexicon, STRONG_FACET, type Hit } from "./lexicon.ts";
import { tokenize } from "./normalise.ts";
import { notCoveredBeyond } from "./notCovered.ts";
import { SemanticIndex } from "./semantic.ts";
import { contentStems, TfIdfIndex } from "./similarity.ts";

/** How much each signal counts; a question about a topic touches two of its facets (≈ 2.0). */
export const WEIGHTS = {
  /** A term of the facet named `strong` scores at least this many times its weight on its own… */
  strongFacet: 2,
  /** …plus this when other facets agree. */
  strongBonus: 0.3,
  /** Similarity (0..1) to the reviewers' example situations of a topic. */
  examples: 1.2,
  /** Similarity (0..1) to the Code's own words for the clause: the fallback for unlisted vocabulary. */
  codeText: 0.6,
  /** Each not-covered term (payroll, parking…) the question mentions lowers every score this much. */
  notCovered: 0.6,
  /** Matched cues (one word counts 1, longer cues more; up to 2 in all) favour a topic over its siblings in the same clause. */
  cue: 0.5,
  /** Cues also add this much each (up to two) to their clause's score, once a topic touches two facets. */
  cueInClause: 0.25,
  /** A second term of the same facet, elsewhere in the question, adds this share of its weight. */
  secondTerm: 0.3,
  /** A topic whose question touches only one of its facets (and no strong term) counts this share. */
  oneFacet: 0.75,
  /**
   * A topic whose question misses every facet it `requires` counts this share: too little to
   * answer on its own, but it names the likeliest clause when an ethics term says the question is in scope.
   */
  partial: 0.3,
  /** Closeness in meaning (word vectors) to a topic's texts, above SEMANTIC_FLOOR, scaled to 0..1. */
  semantic: 1,
} as const;
/** Below this cosine a question is no closer to a topic's texts than unrelated questions are. */
export const SEMANTIC_FLOOR = 0.35;

export interface TopicScore {
  topic: number;
  /** Sum over the topic's facets of the best concept matched in each. */
  concepts: number;
  facets: number;
  /** Weight of the distinct cues matched (see summarize). */
  cues: number;
  examples: number;
  /** Closeness in meaning to the topic's texts (0..1, see WEIGHTS.semantic). */
  semantic: number;
  /** concepts + weighted example and meaning similarity: how much the question is about this topic. */
  relevance: number;
  /** The question misses every facet the topic requires, so it counts only a share (WEIGHTS.partial). */
  partial: boolean;
}

export interface ClauseScore {
  clauseId: string;
  /** The best strength of the clause's topics plus the Code-text similarity, less not-covered terms. */
  score: number;
  /** The clause's topics, best first. */
  topics: TopicScore[];
}

export interface Scored {
  clauses: ClauseScore[];
  /** Distinct not-covered terms (payroll, parking…) in the question. */
  notCovered: number;
  /** Distinct ethics terms (fake, bribe, shred…) in the question. */
  ethics: number;
}

/** Scores a question against every topic of the rules file, and so against the clauses they decide. */
export class Scorer {
  private readonly lexicon: Lexicon;
  private readonly examples: TfIdfIndex;
  private readonly exampleTopic: number[] = [];
  private readonly codeText: TfIdfIndex;
  private readonly clauseIds: string[];
  private readonly semantic: SemanticIndex;

  constructor(private readonly policy: Policy) {
    const { topics, advice } = policy.rules;
    this.lexicon = new Lexicon(topics, notCoveredBeyond(policy.document, advice.not_covered), advice.ethics_terms);
    const exampleDocs: string[][] = [];
    topics.forEach((topic, index) => {
      for (const example of topic.examples) {
        exampleDocs.push(contentStems(tokenize(example)));
        this.exampleTopic.push(index);
      }
    });
    this.examples = new TfIdfIndex(exampleDocs);
    this.clauseIds = [...policy.document.clauses.keys()];
    this.semantic = new SemanticIndex(policy);
    this.codeText = new TfIdfIndex(this.clauseIds.map((id) => contentStems(tokenize(policy.document.clauses.get(id)!.text))));
  }

  /**
   * Scores the clauses whose topics the question touches (by concept, cue or example); the rest score
   * nothing. A topic that misses every facet it requires still counts a share (WEIGHTS.partial).
   */
  score(question: string): Scored {
    const tokens = tokenize(question);
    const hits = withinNotCovered(this.lexicon.find(tokens));
    const content = contentStems(tokens);
    const topics = this.policy.rules.topics;

    const exampleSim = new Map<number, number>();
    for (const [doc, sim] of this.examples.cosine(content)) {
      const topic = this.exampleTopic[doc]!;
      if (sim > (exampleSim.get(topic) ?? 0)) exampleSim.set(topic, sim);
    }
    const textSim = new Map<string, number>();
    for (const [doc, sim] of this.codeText.cosine(content)) textSim.set(this.clauseIds[doc]!, sim);

    const notCovered = new Set<string>();
    const ethics = new Set<string>();
    const perTopic = new Map<number, Hit[]>();
    for (const hit of hits) {
      if (hit.term.kind === "not_covered") notCovered.add(hit.term.stems.join(" "));
      else if (hit.term.kind === "ethics") ethics.add(hit.term.stems.join(" "));
      else {
        const list = perTopic.get(hit.term.topic);
        if (list) list.push(hit);
        else perTopic.set(hit.term.topic, [hit]);
      }
    }
    for (const topic of exampleSim.keys()) if (!perTopic.has(topic)) perTopic.set(topic, []);
    const meaning = this.semantic.score(question, topics.length);
    const closeness = (index: number) => Math.max(0, (meaning[index]! - SEMANTIC_FLOOR) / (1 - SEMANTIC_FLOOR));
    meaning.forEach((_, index) => {
      if (closeness(index) > 0 && !perTopic.has(index)) perTopic.set(index, []);
    });

    const byClause = new Map<string, ClauseScore>();
    for (const [index, topicHits] of perTopic) {
      const topic = topics[index]!;
      const summary = summarize(topicHits, topic.requires);
      const partial = topic.requires.length > 0 && !topic.requires.some((f) => summary.matched.has(f));
      const share = partial ? WEIGHTS.partial : 1;
      const { facets, cues } = summary;
      const concepts = share * summary.concepts;
      const examples = share * (exampleSim.get(index) ?? 0);
      let clause = byClause.get(topic.clause);
      if (!clause) {
        clause = { clauseId: topic.clause, score: WEIGHTS.codeText * (textSim.get(topic.clause) ?? 0) - WEIGHTS.notCovered * notCovered.size, topics: [] };
        byClause.set(topic.clause, clause);
      }
      const semantic = share * closeness(index);
      clause.topics.push({ topic: index, concepts, facets, cues, examples, semantic, relevance: concepts + WEIGHTS.examples * examples + WEIGHTS.semantic * semantic, partial });
    }
    const strength = (t: TopicScore) => t.relevance + (t.facets >= 2 && !t.partial ? WEIGHTS.cueInClause * Math.min(2, t.cues) : 0);
    const clauses = [...byClause.values()];
    for (const c of clauses) {
      c.topics.sort((a, b) => b.relevance - a.relevance);
      c.score += Math.max(0, ...c.topics.map(strength));
    }
    clauses.sort((a, b) => b.score - a.score);
    return { clauses, notCovered: notCovered.size, ethics: ethics.size };
  }
}

/**
 * A Code word inside a longer everyday name ("gift" in "gift exchange", "conflict" in "conflict
 * calendar", "board" in "board game") is that name, not the Code's word: such hits are dropped.
 */
function withinNotCovered(hits: Hit[]): Hit[] {
  // Only a name written as one run of words: "take … vacation" spanning "the company van on" is not a name of it.
  const names = hits.filter((h) => h.term.kind === "not_covered" && h.end > h.start && h.end - h.start + 1 === h.term.stems.length);
  if (!names.length) return hits;
  return hits.filter((h) => h.term.kind === "not_covered" || !names.some((n) => n.start <= h.start && h.end <= n.end && n.end - n.start > h.end - h.start));
}

/**
 * Sums the best concept of each facet (plus a share of a second one that does not overlap it); a
 * strong term is enough on its own (it sets a floor) and adds a little when other facets agree. Also
 * weighs the distinct cues (a two-word cue such as "company money" counts 1.5). A negated term still
 * says what the question is about ("no brakes", "without children": a required facet) but does not
 * qualify it ("not with company money": a cue or another facet).
 */
function summarize(hits: readonly Hit[], required: readonly string[]): { concepts: number; facets: number; cues: number; matched: Set<string> } {
  const byFacet = new Map<string, Hit[]>();
  const cues = new Map<string, number>();
  for (const hit of hits) {
    const { term, negated } = hit;
    if (negated && !(required.includes(term.facet) || term.facet === STRONG_FACET)) continue;
    if (term.kind === "cue") {
      cues.set(term.stems.join(" "), 1 + 0.5 * (term.stems.length - 1));
      continue;
    }
    const list = byFacet.get(term.facet);
    if (list) list.push(hit);
    else byFacet.set(term.facet, [hit]);
  }
  const best = new Map<string, number>();
  let concepts = 0;
  for (const [facet, list] of byFacet) {
    list.sort((a, b) => b.term.weight - a.term.weight);
    const top = list[0]!;
    best.set(facet, top.term.weight);
    if (facet === STRONG_FACET) continue;
    const other = list.find((h) => h.start > top.end || h.end < top.start);
    concepts += top.term.weight + WEIGHTS.secondTerm * (other?.term.weight ?? 0);
  }
  if (best.size === 1) concepts *= WEIGHTS.oneFacet;
  const strong = best.get(STRONG_FACET);
  if (strong !== undefined) concepts = Math.max(concepts, strong * WEIGHTS.strongFacet) + WEIGHTS.strongBonus;
  let cueWeight = 0;
  for (const w of cues.values()) cueWeight += w;
  return { concepts, facets: best.size, cues: cueWeight, matched: new Set(best.keys()) };
}
