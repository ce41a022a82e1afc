import type { Token } from "./normalise.ts";

/** Function words that say nothing about a question's subject. */
export const STOPWORDS = new Set(
  ("a an the and or but if of to in on at by for with from into about as than then so that this these those it its " +
    "i me my mine we us our you your he him his she her they them their be have do can could may might must shall should will would " +
    "what which who whom whose when where why how there here all any some no not just also very too really only own same other " +
    "am ok okay allow allowed fine please get go up out off over again still even want need let .")
    .split(" "),
);

export function contentStems(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.stem).filter((s) => !STOPWORDS.has(s) && s.length > 1);
}

/** TF-IDF vectors over a small set of texts; `cosine` compares a query with each text, 0..1. */
export class TfIdfIndex {
  private readonly idf = new Map<string, number>();
  /** Per stem, the documents holding it and its weight in each (two flat lists: no pair object per posting). */
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  readonly size: number;

  constructor(docs: readonly string[][]) {
    this.size = docs.length;
    const df = new Map<string, number>();
    for (const doc of docs) for (const s of new Set(doc)) df.set(s, (df.get(s) ?? 0) + 1);
    for (const [s, n] of df) this.idf.set(s, Math.log(1 + docs.length / n));
    docs.forEach((doc, index) => {
      const vector = this.vector(doc);
      for (const [s, w] of vector) {
        let list = this.postings.get(s);
        if (!list) this.postings.set(s, (list = { docs: [], weights: [] }));
        list.docs.push(index);
        list.weights.push(w);
      }
    });
  }

  /** Cosine similarity of the query with each document that shares a word with it (0..1). */
  cosine(query: readonly string[]): Map<number, number> {
    const scores = new Map<number, number>();
    for (const [s, w] of this.vector(query)) {
      const list = this.postings.get(s);
      if (!list) continue;
      for (let k = 0; k < list.docs.length; k++) {
        const doc = list.docs[k]!;
        scores.set(doc, (scores.get(doc) ?? 0) + w * list.weights[k]!);
      }
    }
    return scores;
  }

  private vector(stems: readonly string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const s of stems) if (this.idf.has(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
    let norm = 0;
    for (const [s, n] of tf) {
      const w = (1 + Math.log(n)) * this.idf.get(s)!;
      tf.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of tf) tf.set(s, w / norm);
    return tf;
  }
}
