import type { Topic } from "../policy/rules.ts";
import { phraseStems, type Token } from "./normalise.ts";

/**
 * One phrase of the rules file, compiled: a topic's concept (in a facet), a topic's cue, a
 * not-covered term (payroll, parking…) or an ethics term (fake, bribe, shred…).
 */
export interface Term {
  stems: string[];
  kind: "concept" | "cue" | "not_covered" | "ethics";
  /** Index of the topic in the rules file; -1 for not-covered and ethics terms. */
  topic: number;
  facet: string;
  weight: number;
}

export interface Hit {
  term: Term;
  /** A negation governs the phrase's first word ("not on company time"). */
  negated: boolean;
  /** Token positions of the phrase's first and last words. */
  start: number;
  end: number;
}

/** Words that a phrase may skip between its own words: "company van" matches "company's delivery van". */
const MAX_GAP = 4;
/**
 * …but after one of these only determiners: "my own company" does not match "my brother owns a
 * company", while "sit on the board" (stored as "sit on board") matches "sit on our board".
 */
const DETERMINERS = new Set(["a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that"]);
const NO_GAP_AFTER = new Set(["my", "our", "your", "his", "her", "their", "its", "the", "a", "an", "i", "we", "you", "he", "she", "they", "it", "me", "him", "them", "to", "of", "in", "on", "at", "for", "with", "from", "by", "so", "be", "do", "can", "not", "no"]);
/** The facet whose terms settle a topic on their own. */
export const STRONG_FACET = "strong";

/** The rules file's vocabulary, indexed by each phrase's first stem for a single pass over a question. */
export class Lexicon {
  private readonly byFirst = new Map<string, Term[]>();

  constructor(topics: readonly Topic[], notCovered: readonly string[] = [], ethics: readonly string[] = []) {
    const terms: Term[] = [];
    // One stems array per distinct phrase, shared by every term that uses it: a large corpus repeats
    // its phrases across topics, and each copy would otherwise hold its own array and strings.
    // Phrases that stem alike ("gift", "gifts") share one array too, so an array stands for its stems.
    const byPhrase = new Map<string, string[]>();
    const byStems = new Map<string, string[]>();
    const stemsOf = (phrase: string): string[] => {
      let stems = byPhrase.get(phrase);
      if (!stems) {
        const own = phraseStems(phrase);
        const key = own.join(" ");
        stems = byStems.get(key) ?? own;
        byStems.set(key, stems);
        byPhrase.set(phrase, stems);
      }
      return stems;
    };
    topics.forEach((topic, index) => {
      for (const [facet, phrases] of Object.entries(facetsOf(topic))) {
        for (const phrase of phrases) terms.push({ stems: stemsOf(phrase), kind: "concept", topic: index, facet, weight: 1 });
      }
      for (const cue of topic.cues) terms.push({ stems: stemsOf(cue), kind: "cue", topic: index, facet: "cue", weight: 1 });
    });
    for (const phrase of notCovered) terms.push({ stems: stemsOf(phrase), kind: "not_covered", topic: -1, facet: "not_covered", weight: 1 });
    for (const phrase of ethics) terms.push({ stems: stemsOf(phrase), kind: "ethics", topic: -1, facet: "ethics", weight: 1 });
    weighConcepts(terms, topics);
    for (const term of terms) {
      const first = term.stems[0];
      if (first === undefined) continue;
      const list = this.byFirst.get(first);
      if (list) list.push(term);
      else this.byFirst.set(first, [term]);
    }
  }

  /** Every phrase that occurs in the tokens (in order, with small gaps, within one sentence). */
  find(tokens: readonly Token[]): Hit[] {
    const hits: Hit[] = [];
    tokens.forEach((token, start) => {
      for (const term of this.byFirst.get(token.stem) ?? []) {
        const end = matchEnd(tokens, start, term.stems);
        if (end >= 0) hits.push({ term, negated: token.negated, start, end });
      }
    });
    return hits;
  }
}

/** A topic's concepts by facet; a plain list is one facet. */
export function facetsOf(topic: Topic): Record<string, string[]> {
  return Array.isArray(topic.concepts) ? { concepts: topic.concepts } : topic.concepts;
}

/** Where the phrase ends when it occurs at `start`, or -1. */
function matchEnd(tokens: readonly Token[], start: number, stems: readonly string[]): number {
  let at = start;
  for (let k = 1; k < stems.length; k++) {
    let found = -1;
    const strict = NO_GAP_AFTER.has(stems[k - 1]!);
    for (let j = at + 1; j <= at + 1 + MAX_GAP && j < tokens.length; j++) {
      const s = tokens[j]!.stem;
      if (s === ".") break;
      if (s === stems[k]) {
        found = j;
        break;
      }
      if (strict && !DETERMINERS.has(s)) break;
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

/**
 * A concept weighs more when it is a longer phrase and less when many clauses share it
 * ("company" says little; "slush fund" says a lot). Siblings of one clause share freely.
 */
function weighConcepts(terms: Term[], topics: readonly Topic[]): void {
  // Keyed by the shared stems array (see the constructor): no joined string per term.
  const clausesByStems = new Map<readonly string[], Set<string>>();
  for (const term of terms) {
    if (term.kind !== "concept") continue;
    const clauses = clausesByStems.get(term.stems) ?? new Set<string>();
    clauses.add(topics[term.topic]!.clause);
    clausesByStems.set(term.stems, clauses);
  }
  for (const term of terms) {
    if (term.kind !== "concept") continue;
    const spread = clausesByStems.get(term.stems)!.size;
    const length = Math.min(1.5, 1 + 0.25 * (term.stems.length - 1));
    term.weight = length / (1 + 0.3 * Math.log(spread));
  }
}
