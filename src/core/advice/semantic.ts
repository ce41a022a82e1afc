import type { Policy } from "../policy/load.ts";
import { facetsOf } from "./lexicon.ts";
import { words } from "./normalise.ts";
import { STOPWORDS } from "./similarity.ts";
import { cosine, wordVectors, type WordVectors } from "./vectors.ts";

/** The words of a text that carry meaning, as the vectors know them (no stems: vectors are per word). */
export function meaningWords(text: string): string[] {
  return words(text).filter((w) => w !== "." && w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * Meaning, not listed words: each topic is a few short texts (its summary, quote, examples, each
 * facet of its concepts, and its clause's sentences and title) embedded as rarity-weighted mean word
 * vectors; a question is as close to a topic as to its closest text (cosine, -1..1). A large corpus
 * gets one averaged vector per topic instead. What all texts of
 * the Code share (its register, its company) is removed from every vector first, so only what tells
 * clauses apart counts. Cost per question: one embedding and one dot product per distinct text.
 */
/** Up to this many distinct texts each get a vector; beyond, each topic gets one. */
const MAX_TEXTS = 2000;

export class SemanticIndex {
  private readonly vectors: WordVectors;
  private readonly units: Float32Array[] = [];
  private readonly unitTopics: number[][] = [];
  private readonly common: Float32Array;

  constructor(policy: Policy, vectors: WordVectors = wordVectors()) {
    this.vectors = vectors;
    const { document, rules } = policy;
    const byText = new Map<string, number[]>();
    const add = (text: string, topic: number) => {
      const key = meaningWords(text).join(" ");
      if (!key) return;
      const list = byText.get(key) ?? [];
      if (!list.includes(topic)) list.push(topic);
      byText.set(key, list);
    };
    rules.topics.forEach((topic, index) => {
      const clause = document.clauses.get(topic.clause);
      for (const text of [topic.summary, topic.quote, ...topic.examples]) add(text, index);
      for (const phrases of Object.values(facetsOf(topic))) add(phrases.join(" "), index);
      for (const sentence of clause?.sentences ?? []) add(sentence, index);
      if (clause) add(`${clause.subTitle ?? ""} ${clause.title}`, index);
    });
    // One vector per text while there are few; past MAX_TEXTS one per topic (the mean of its texts),
    // so the cost stays bounded: 100 documents of rules still answer in milliseconds.
    const perText = byText.size <= MAX_TEXTS;
    const sums = rules.topics.map(() => new Float32Array(vectors.dimensions));
    for (const [key, topics] of byText) {
      const vector = vectors.embed(key.split(" "));
      if (!vector) continue;
      if (perText) {
        this.units.push(vector);
        this.unitTopics.push(topics);
      } else for (const t of topics) for (let i = 0; i < vector.length; i++) sums[t]![i]! += vector[i]!;
    }
    if (!perText) sums.forEach((sum, t) => {
      if (!sum.some((x) => x !== 0)) return;
      normalise(sum);
      this.units.push(sum);
      this.unitTopics.push([t]);
    });
    this.common = new Float32Array(vectors.dimensions);
    for (const u of this.units) for (let i = 0; i < u.length; i++) this.common[i]! += u[i]!;
    normalise(this.common);
    for (const u of this.units) this.removeCommon(u);
  }

  /** For each topic index, the question's best cosine with its texts (-1 when no word of the question is known). */
  score(question: string, topicCount: number): Float64Array {
    const best = new Float64Array(topicCount).fill(-1);
    const q = this.vectors.embed(meaningWords(question));
    if (!q) return best;
    this.removeCommon(q);
    for (let u = 0; u < this.units.length; u++) {
      const sim = cosine(q, this.units[u]!);
      for (const t of this.unitTopics[u]!) if (sim > best[t]!) best[t] = sim;
    }
    return best;
  }

  private removeCommon(v: Float32Array): void {
    const along = cosine(v, this.common);
    for (let i = 0; i < v.length; i++) v[i]! -= along * this.common[i]!;
    normalise(v);
  }
}

function normalise(v: Float32Array): void {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
}
