import type { PolicyDocument } from "../policy/types.ts";
import { stem } from "./stem.ts";

/**
 * Names of things a question mentions — a quoted title ('Ethics in AI'), or capitalised words in mid
 * sentence (the Directors' Lounge, The Insider) — are names, not the Code's words, when they mix a word
 * of the Code with one it never uses: "Lounge" makes "Directors' Lounge" a room, not the Board. Such a
 * name is blanked before matching, so it neither finds a clause nor keeps a question in scope; a name
 * made only of the Code's words ("the Audit Committee") is kept. Linear: one pass over the words.
 */
export function nameBlanker(document: PolicyDocument): (question: string) => string {
  const codeStems = new Set<string>();
  const add = (text: string) => {
    for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) codeStems.add(stem(w));
  };
  for (const section of document.sections) add(section.title);
  for (const clause of document.clauses.values()) add(clause.text);
  const isCodeWord = (word: string) => codeStems.has(stem(word.toLowerCase().replace(/['’]s?$/, "")));
  return (question) => blankNames(blankCalled(question), isCodeWord);
}

const CONNECTORS = new Set(["of", "in", "and", "for", "the", "on", "&"]);
/**
 * "a game called Insider", "the app named Conflict Zone": what follows "called" or "named" after a
 * noun is that thing's name, whatever its words. Up to three words, up to a comma or a small word;
 * not a pronoun or a verb form ("a competitor called me", "a rep called suggesting…").
 */
const CALLED = /\b((?:a|an|the|this|that|some) [\p{L}\p{N}-]+ (?:called|named|titled|nicknamed) )['"“‘]?([\p{L}\p{N}][\p{L}\p{N}'’-]*(?: [\p{L}\p{N}][\p{L}\p{N}'’-]*){0,2})/giu;
const NOT_A_NAME = /^(?:me|us|him|her|them|it|you|my|our|his|their|your|a|an|the|to|and|about|back|in|on|at|for|with|\p{L}+ing|\p{L}+ed)$/iu;
const NAME_ENDS = new Set(["and", "or", "but", "to", "for", "on", "in", "at", "with", "is", "are", "was", "that", "which", "who", "this", "tonight", "today", "last", "next"]);

function blankCalled(question: string): string {
  return question.replace(CALLED, (whole, before: string, name: string) => {
    const kept: string[] = [];
    for (const word of name.split(" ")) {
      if (NAME_ENDS.has(word.toLowerCase())) break;
      kept.push(word);
    }
    if (!kept.length || NOT_A_NAME.test(kept[0]!)) return whole;
    return `${before} ${name.split(" ").slice(kept.length).join(" ")}`;
  });
}
/** A quoted span opens after a space and closes before one ("the 'Ethics in AI' talk"), unlike an apostrophe ("Directors' Lounge"). */
const QUOTED = /(^|\s)['"“‘](\S[^'"“”‘’\n]{0,58}\S)['"”’](?=[\s.,!?;:]|$)/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&-]*|[.!?\n]/gu;

function blankNames(question: string, isCodeWord: (word: string) => boolean): string {
  const mixed = (words: string[]) => {
    const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
    return content.some(isCodeWord) && content.some((w) => !isCodeWord(w));
  };
  let out = question.replace(QUOTED, (whole, before: string, inner: string) => (mixed(inner.match(/[\p{L}\p{N}'’-]+/gu) ?? []) ? `${before} ` : whole));
  // Runs of capitalised words that do not open a sentence (acronyms such as CEO or HR do not start one).
  const spans: Array<[number, number]> = [];
  let run: RegExpMatchArray[] = [];
  let sentenceStart = true;
  const close = () => {
    while (run.length && CONNECTORS.has(run.at(-1)![0])) run.pop();
    const words = run.map((m) => m[0]);
    if (words.filter((w) => !CONNECTORS.has(w.toLowerCase())).length >= 2 && mixed(words)) spans.push([run[0]!.index!, run.at(-1)!.index! + run.at(-1)![0].length]);
    run = [];
  };
  for (const m of out.matchAll(WORD)) {
    const word = m[0];
    if (/^[.!?\n]$/.test(word)) {
      close();
      sentenceStart = true;
      continue;
    }
    const capitalised = /^\p{Lu}\p{Ll}/u.test(word) && !sentenceStart;
    if (capitalised) run.push(m);
    else if (run.length && CONNECTORS.has(word)) run.push(m);
    else close();
    sentenceStart = false;
  }
  close();
  for (const [from, to] of spans.reverse()) out = `${out.slice(0, from)} ${out.slice(to)}`;
  return out;
}
