import type { PolicyRules } from "../policy/rules.ts";
import type { PolicyDocument } from "../policy/types.ts";
import { facetsOf } from "./lexicon.ts";
import { words } from "./normalise.ts";
import { stem } from "./stem.ts";
import { adjective, nounPhraseRole } from "./wordClasses.ts";

/**
 * A Code word used as the modifier of an everyday compound noun ("the gift wrap station", "the
 * conflict resolution training", "the fantasy football insider pool", "the stock photo site") names
 * an everyday thing, not the Code's matter. Such a compound is recognised by its grammar: a run of at
 * least three content words opened by a determiner or preposition (so it is a noun phrase), ending in
 * a word the Code does not use (the head noun is everyday), with exactly one word of the Code, a noun
 * (an adjective such as "personal" keeps its meaning) and not the last. That word is blanked; the advisor uses the result only to take a
 * question out of scope, never to choose its clause. Linear: one pass over the words.
 */
export function compoundBlanker(isCodeWord: (word: string) => boolean): (question: string) => Blanked {
  return (question) => blankCompounds(question, isCodeWord);
}

/** The question with everyday compounds of three words or more blanked, and with those of two words or more too. */
export interface Blanked {
  long: string;
  short: string;
}

/**
 * Whether a lower-case word (or one of its forms) is the Code's: in a section title, or in its text
 * outside the proper names it mentions ("Exchange" only in "Securities and Exchange Commission" is
 * not a word of the Code's, "Board" in "the Board" is).
 */
export function codeWords(document: PolicyDocument): (word: string) => boolean {
  const known = new Set<string>();
  const add = (text: string) => {
    for (const w of words(text)) if (w !== ".") known.add(stem(w));
  };
  for (const section of document.sections) add(section.title);
  for (const clause of document.clauses.values()) add(clause.text.replace(PROPER_NAME, " "));
  return (word) => known.has(stem(word));
}

/** The words the Code (`isCodeWord`, codeWords') or its rules file know: those of the topics' concepts and cues. */
export function knownWords(rules: PolicyRules, isCodeWord: (word: string) => boolean): (word: string) => boolean {
  const known = new Set<string>();
  for (const topic of rules.topics) {
    for (const phrase of [...Object.values(facetsOf(topic)).flat(), ...topic.cues]) for (const w of words(phrase)) known.add(stem(w));
  }
  return (word) => isCodeWord(word) || known.has(stem(word));
}

/** Closed-class words: no word of any Code's matter. */
export const isFunctionWord = (word: string): boolean => CLOSED.has(word);

/** Two or more capitalised words in a row, "of", "and" or "&" between them: a proper name. Linear: no overlapping alternatives. */
const PROPER_NAME = /\p{Lu}[\p{L}'’-]*(?:(?: (?:of|and|&))? \p{Lu}[\p{L}'’-]*)+/gu;

/** What opens a noun phrase: articles, possessives, demonstratives, wh-determiners and prepositions. */
const OPENERS = new Set([
  "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those", "which", "what", "whose",
  "some", "any", "each", "every", "no", "another", "for", "of", "in", "on", "at", "to", "from", "with", "about", "into", "by", "during",
]);
/** Closed-class words that end a run of content words: pronouns, auxiliaries, modals, conjunctions, wh-words, particles. */
const CLOSED = new Set([
  ...OPENERS,
  "i", "me", "we", "us", "you", "he", "him", "she", "they", "them", "it", "mine", "yours", "ours", "theirs", "someone", "anyone", "everyone",
  "be", "is", "are", "was", "were", "been", "being", "am", "do", "does", "did", "have", "has", "had", "get", "got", "gets", "getting",
  "can", "could", "may", "might", "must", "shall", "should", "will", "would", "and", "or", "but", "nor", "so", "if", "then", "than", "because",
  "who", "whom", "when", "where", "why", "how", "not", "very", "too", "also", "just", "still", "again", "already", "there", "here", "as",
  "nobody", "nothing", "anything", "something", "everything", "everybody", "anybody", "somebody", "like", "since", "before", "after",
  "until", "while", "though", "even", "near", "across", "behind", "under", "without", "through", "between", "against", "via", "per",
  "around", "next", "last", "home", "money", "up", "out", "off", "over", "down", "all", "both", "lol", "pls", "please", "ok", "okay", "yet", "now", "today", "tomorrow", "yesterday",
]);
/** Three words make a compound an everyday name on its own; in a logistics question ("who's bringing the gift bags") two do. */
const MIN_WORDS = 3;
const SHORT_WORDS = 2;

function blankCompounds(question: string, isCodeWord: (word: string) => boolean): Blanked {
  // A possessive ("the Code's goal", "the company's softball league") is no modifier: it ends a run and opens the next.
  const list = words(question.replace(/(\p{L})['’]s\b/gu, "$1 of ").replace(/(\p{L}s)['’](?=\s)/gu, "$1 of "));
  const blank = new Set<number>();
  const blankShort = new Set<number>();
  let start = -1;
  const close = (end: number) => {
    // list[start..end) is a run of content words right after an opener.
    if (start < 0 || end - start < SHORT_WORDS) return;
    const run = list.slice(start, end);
    const code = run.map(isCodeWord);
    const coded = code.filter(Boolean).length;
    // The head is a noun the Code does not use ("station", not "fine" nor "policy").
    if (coded !== 1 || code[run.length - 1] || adjective(run[run.length - 1]!)) return;
    // An adjective ("personal", "confidential") keeps its meaning whatever it qualifies; a noun used as a modifier does not.
    const at = code.indexOf(true);
    if (adjective(run[at]!)) return;
    blankShort.add(start + at);
    if (run.length >= MIN_WORDS) blank.add(start + at);
  };
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!;
    // A verb ("keeps", "told"), an adverb or a number ends the noun phrase; an -ing noun ("training") ends it too, as its head.
    const role = w === "." || CLOSED.has(w) || !/^\p{L}[\p{L}\d]*$/u.test(w) ? "none" : nounPhraseRole(w);
    if (role === "word") continue;
    close(role === "head" ? i + 1 : i);
    start = role === "none" && OPENERS.has(w) ? i + 1 : -1;
  }
  close(list.length);
  const without = (set: Set<number>) => (set.size ? list.filter((_, i) => !set.has(i)).join(" ") : question);
  return { long: without(blank), short: without(blankShort) };
}
