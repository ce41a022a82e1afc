import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { stem } from "./stem.ts";

/**
 * Just enough grammar to tell a noun phrase from a clause, derived from WordNet by
 * scripts/derive-word-classes.mjs: the words used mostly as verbs or as adjectives, and the -ed/-ing
 * words that are nouns or adjectives themselves ("training", "limited"). Loaded once per process (a few kB).
 */
interface WordClasses {
  verbs: Set<string>;
  strongVerbs: Set<string>;
  adjectives: Set<string>;
  nominals: Set<string>;
}

const FILE = new URL("../../../assets/word-classes.json.gz", import.meta.url);
let shared: WordClasses | undefined;

function classes(): WordClasses {
  if (!shared) {
    const data = JSON.parse(gunzipSync(readFileSync(FILE)).toString("utf8")) as Record<keyof WordClasses, string[]>;
    shared = { verbs: new Set(data.verbs), strongVerbs: new Set(data.strongVerbs), adjectives: new Set(data.adjectives), nominals: new Set(data.nominals) };
  }
  return shared;
}

/**
 * How a lower-case word can stand in a noun phrase: "word" (a noun, an adjective, or an unknown word
 * such as a name), "head" (an -ed/-ing noun such as "training" or "meeting", which ends the phrase
 * when it stands in one) or "none": an adverb in -ly, an inflected verb ("keeps", "told"), an -ed/-ing
 * form that is only a verb, or a word used far more as a verb than as a noun ("keep").
 */
export function nounPhraseRole(word: string): "word" | "head" | "none" {
  const { verbs, strongVerbs, nominals } = classes();
  if (word.length > 4 && word.endsWith("ly")) return "none";
  if (word.length > 4 && /(ed|ing)$/.test(word)) return nominals.has(word) ? "head" : "none";
  if (strongVerbs.has(word)) return "none";
  const base = stem(word);
  if (base !== word && verbs.has(base) && !word.endsWith("ss")) return "none";
  return "word";
}

/** Whether a lower-case word is mostly an adjective ("personal", "confidential"): it keeps its meaning before any noun. */
export function adjective(word: string): boolean {
  return classes().adjectives.has(word);
}
