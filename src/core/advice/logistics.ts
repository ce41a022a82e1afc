import { isFunctionWord } from "./compounds.ts";
import { words } from "./normalise.ts";
import { stem } from "./stem.ts";

/** The Code's words, and the words the Code or its rules know (their concepts and cues). */
export interface Vocabulary {
  isCodeWord: (word: string) => boolean;
  isKnownWord: (word: string) => boolean;
}

/**
 * The forms of a workplace-logistics question, which asks for a fact or a fix, not for leave to do
 * something: a choice between times, amounts, formats or people ("2pm or 3pm", "pdf or pptx", "alice
 * or raj"); who is doing what on a schedule ("which consultant is presenting first"); a booking or a
 * rescheduling for a work purpose or for someone else ("reserve the lounge for my team's offsite",
 * "book travel for my manager", "move my 1:1 to 4pm"); something that does not work or has run out
 * ("the search bar is broken", "the dashboard isn't loading", "out of printer paper"); opening hours;
 * how an event is run ("is the town hall being recorded"); what a benefit plan covers; asking the room for a favour ("anyone able to loan me a charger"). Such a question is about a Code matter only when it
 * also names one (an ethics term, a prohibited act, something witnessed): the advisor checks that.
 * Forms that could carry a Code matter in their other words (a booking "on the company card", a move
 * "so the numbers look better", "out of cash and nobody recorded it", "my company laptop is broken, can
 * I use my personal one") count only when no other word is the Code's nor a sum; the alternatives of a choice are words neither the Code nor its rules know.
 * All patterns are linear (no nested quantifiers over the text).
 */
export function logisticsForm(question: string, { isCodeWord, isKnownWord }: Vocabulary): boolean {
  // One pass of normalising: a comma ends a clause as a full stop does.
  const tokens = words(question.replace(/,/g, " . "));
  const text = tokens.join(" ");
  const clauses = text.split(" . ");
  let codeLike: string[] | undefined;
  // Every word but the form's own: none may be the Code's.
  const nothingElse = (pattern: RegExp) => {
    const m = pattern.exec(text);
    if (!m) return false;
    const matched = m[0].trim().split(" ");
    // A sum named ("money", from "$40") is a Code matter too: "the cash box is broken and money keeps going missing".
    codeLike ??= tokens.filter((w) => w === "money" || (w !== "." && !isFunctionWord(w) && !/^\d/.test(w) && isCodeWord(w)));
    return codeLike.every((w) => w === matched[0] || w === matched.at(-1)); // the form's verb and its time or preposition, not what it books or moves
  };
  return (
    COPULA_CHOICE.test(text) ||
    nothingElse(TIME_CHOICE) ||
    wordChoice(text, isKnownWord) ||
    clauses.some((c) => scheduled(c, isCodeWord) || ASKS_THE_ROOM.test(c) || EVENT_STATUS.test(c)) ||
    nothingElse(BOOKING) ||
    nothingElse(MOVE_TO_TIME) ||
    nothingElse(OPEN_HOURS) ||
    nothingElse(RUN_OUT) ||
    nothingElse(MALFUNCTION) ||
    COVERAGE.test(text)
  );
}

const TIME = "(?:\\d{1,2}(?:am|pm)|\\d{1,2} (?:am|pm)|noon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|today|tomorrow)";
/** A time, or a sum (amounts read as "money"). */
const TIME_OR_MONEY = `(?:${TIME}|money)`;
/**
 * "do we get paid friday or monday", "is it $20 or $25" (amounts read as "money"): a choice of times or
 * sums, with no other word of the Code's ("can I take the supplier's tickets for friday or saturday" is
 * about the tickets)…
 */
const TIME_CHOICE = new RegExp(`\\b${TIME_OR_MONEY} or ${TIME_OR_MONEY}\\b`);
const A_TIME = new RegExp(`^${TIME_OR_MONEY}$`);
/** …or what something is to be ("should the committee meeting be 2pm or 3pm"), whatever its words. */
const COPULA_CHOICE = new RegExp(`\\b(?:be|is|are) (?:it |at |on |in )?${TIME_OR_MONEY} or ${TIME_OR_MONEY}\\b`);
/** "X or Y" closing a clause, "X" and "Y" single words: the alternatives asked about. */
const WORD_CHOICE = /\b([a-z][a-z0-9]*) or ([a-z][a-z0-9]*)(?: \.|$)/g;
const NOT_ALTERNATIVE = new Set(["it", "this", "that", "them", "him", "her", "me", "us", "not", "no", "yes", "so", "something", "anything", "someone", "anyone", "else", "both", "either", "what", "later", "now", "never", "ok", "okay", "allowed", "fine", "wrong", "right", "legal", "illegal", "report", "approve", "approved", "accept", "decline", "keep", "return", "refuse", "tell", "say", "ask", "do", "dont", "stay", "go", "quit"]);

/** "pdf or pptx", "alice or raj": two everyday words neither the Code nor its rules know ("my manager or hr" are known), nor a yes/no. */
function wordChoice(text: string, isKnownWord: (word: string) => boolean): boolean {
  for (const m of text.matchAll(WORD_CHOICE)) {
    const [, a, b] = m as unknown as [string, string, string];
    if (![a, b].some((w) => NOT_ALTERNATIVE.has(w) || isKnownWord(w) || A_TIME.test(w))) return true; // times: TIME_CHOICE
  }
  return false;
}

/** "which consultant is presenting first", "who is bringing the bags", "…, who is printing them": who does what on a schedule. */
const SCHEDULED = /^(?:who|which [a-z]+)(?: is| are)? ([a-z]+ing)\b/;
/** …by a verb that is no act of the Code's ("taking", "paying": a form of "payment") and with no sum named. */
function scheduled(clause: string, isCodeWord: (word: string) => boolean): boolean {
  const m = SCHEDULED.exec(clause);
  if (!m || clause.includes("money")) return false;
  const verb = m[1]!;
  return !isCodeWord(verb) && !isCodeWord(`${verb.slice(0, -3)}ment`);
}
/** Booking a room, travel or a slot for a meeting, a team or someone else. */
const BOOKING = /\b(?:book|reserve|schedule|reschedule)(?: [a-z0-9]+){0,4} for (?:my|our|the|a|an|his|her|their) /;
/** "anyone able to loan me a charger": asking the room for a favour (not "anyone going to the supplier's golf trip"). */
const ASKS_THE_ROOM = /^(?:does |is )?(?:anyone|anybody|someone|somebody) (?:able to|willing to|mind|free to|around to)\b/;
/** "is the drug store across the street open on sundays": opening hours. */
const OPEN_HOURS = /^(?:is|are|when is|when are|what time is|until when is) (?:the|our|that) (?:[a-z0-9]+ ){0,8}(?:still )?(?:open|closed)(?: on| today| tonight| now| until| at| this| tomorrow| during| over|$)/;
/** "is the lunch-and-learn being recorded", "will the town hall be streamed": how an event is run. */
const EVENT_STATUS = /^(?:is|are|will) (?:the|this|that|next|tomorrow) (?:[a-z0-9]+ ){0,6}(?:being|be) [a-z]+ed\b/;
/** "the stock room is out of printer paper": a supply has run out (not "out of compliance", a Code word). */
const RUN_OUT = /\b(?:is|are|was|were|ran|run|running) out of\b/;
/** "what drugs are covered by our prescription plan": what a benefit plan pays for. */
const COVERAGE = /\bcovered (?:by|under|in) (?:our|the|my|your) (?:[a-z0-9]+ )?(?:plan|insurance)\b/;
/** "move my 1:1 to 4pm", "push the standup to friday". */
const MOVE_TO_TIME = new RegExp(`\\b(?:move|push|shift|reschedule)\\b(?: [a-z0-9]+){0,6} to ${TIME}\\b`);
/** "the search bar is broken", "the dashboard is not loading", "my teams keeps crashing". */
const MALFUNCTION =
  /\b(?:is|are|was|were|keeps|keep) (?:still |again |totally |completely )?(?:broken|down|stuck|frozen|offline|crashing|glitching|not loading|not working|not opening|not syncing|not responding|not printing|jammed)\b|\b(?:will not|does not|do not|can not) (?:load|open|sync|print|connect|work|start)\b/;
