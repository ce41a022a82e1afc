import { stem } from "./stem.ts";

/** One word of a question or a concept, as the matcher sees it. */
export interface Token {
  stem: string;
  /** True when a negation ("not", "no", "never", "without", "n't") governs this word. */
  negated: boolean;
}

/** Questions longer than this are matched on their first part only (the answer keeps the full text). */
export const MATCH_LIMIT = 4000;

const NEGATORS = new Set(["not", "no", "never", "without", "nor", "nobody", "nothing"]);
/** Words that end a negation's reach ("I won't use company money, but can I ..."). */
const SCOPE_BREAK = new Set(["but", "and", "so", "because", "if", "while", "though", "although", "."]);
/** Words that carry a negation on to the next item ("no company money or company time"). */
const SCOPE_CARRY = new Set(["or", "nor"]);
const NEGATION_REACH = 4;

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan['’]?t\b|\bcannot\b/g, "can not"],
  [/\bwon['’]t\b/g, "will not"],
  [/\bshan['’]t\b/g, "shall not"],
  [/n['’]t\b/g, " not"],
  [/['’](s|re|m|ve|ll|d)\b/g, ""],
  [/s['’](?=\s|$)/g, "s"],
  // Chat spelling without apostrophes: "im", "dont", "cant", "isnt", "wont"…
  [/\bim\b/g, "i am"],
  [/\bive\b/g, "i have"],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|could|would|must|need)nt\b/g, "$1 not"],
  [/\bcant\b/g, "can not"],
  [/\bwont\b/g, "will not"],
  [/\b(that|what|there|he|she|who)s\b(?= )/g, "$1 is"],
  [/\b(they|you)re\b/g, "$1 are"],
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
];

/** Lower-cases, expands contractions, splits into words and stems them; sentence ends are kept as ".". */
export function words(text: string): string[] {
  let t = text.normalize("NFKC").toLowerCase().slice(0, MATCH_LIMIT);
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/[$€£¥]\s?\d[\d,.]*k?/g, " money ").replace(/\b(?!40[13]k)\d+(\.\d+)?k\b/g, " money ") /* "50k", not a 401k */.replace(/(\d)\s?%/g, "$1 percent ");
  return [...t.matchAll(/[\p{L}\p{N}]+(?:\.\d+)?|[.!?;:]/gu)].map((m) => (/^[.!?;:]$/.test(m[0]) ? "." : m[0]));
}

/** The matcher's view of a text: stems, with the words a negation governs marked. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let reach = 0;
  for (const word of words(text)) {
    if (SCOPE_BREAK.has(word)) reach = 0;
    if (word === ".") {
      out.push({ stem: ".", negated: false });
      continue;
    }
    const carried = SCOPE_CARRY.has(word) && out.at(-1)?.negated === true;
    out.push({ stem: stem(word), negated: reach > 0 || carried });
    if (NEGATORS.has(word) || carried) reach = NEGATION_REACH + 1;
    if (reach > 0) reach--;
  }
  return out;
}

const ARTICLES = new Set(["a", "an", "the"]);

/**
 * Stems of a short phrase from the rules file, e.g. "company truck" → ["company", "truck"]. An article
 * inside a phrase is dropped ("change the numbers" also matches "changing numbers"); a leading one is kept
 * ("a show" is not "show").
 */
export function phraseStems(phrase: string): string[] {
  return words(phrase)
    .filter((w, i) => w !== "." && (i === 0 || !ARTICLES.has(w)))
    .map(stem);
}
