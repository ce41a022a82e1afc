/**
 * The money range a rule's own sentence sets ("up to EUR 50", "above EUR 50 and up to EUR 150",
 * "worth more than £25"), so that a question naming an amount finds the clause whose range holds it
 * in any Code, with or without value thresholds in its rules file.
 */
export interface MoneyRange {
  /** The amount must be above this… */
  above?: number;
  /** …and at most this. */
  upTo?: number;
}

const MONEY = String.raw`(?:(?:eur|usd|gbp|chf|[$€£]) ?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)? ?(?:euros?|dollars?|pounds?|eur|usd|gbp|chf))`;
const UPPER = new RegExp(String.raw`\b(?:up to|not exceeding|not more than|no more than|at most|less than|under|below|within)(?: (?:a|the) (?:value|amount|total) of)? ${MONEY}|${MONEY} or (?:less|under|below)\b`, "g");
const LOWER = new RegExp(String.raw`\b(?:above|more than|over|exceeding|in excess of|greater than|at least|from)(?: (?:a|the) (?:value|amount|total) of)? ${MONEY}|${MONEY} or (?:more|above|over)\b`, "g");
/** What follows "except…" or "unless…" is the exception, not the rule's range. */
const EXCEPTION = /\b(except|unless|other than|apart from)\b/;

const figure = (m: RegExpMatchArray) => Number((m[1] ?? m[2] ?? m[3] ?? m[4])!.replace(/,/g, ""));

/** The range a sentence states, or undefined when it names no limit. Linear time: bounded alternatives, no nested repeats. */
export function moneyRangeIn(sentence: string): MoneyRange | undefined {
  const lower = sentence.toLowerCase();
  const cut = lower.search(EXCEPTION);
  const text = cut >= 0 ? lower.slice(0, cut) : lower;
  const ups = [...text.matchAll(UPPER)].map(figure).filter(Number.isFinite);
  const lows = [...text.matchAll(LOWER)].map(figure).filter(Number.isFinite);
  if (!ups.length && !lows.length) return undefined;
  return { ...(lows.length && { above: Math.min(...lows) }), ...(ups.length && { upTo: Math.max(...ups) }) };
}

export const holds = (range: MoneyRange, amount: number): boolean =>
  (range.above === undefined || amount > range.above) && (range.upTo === undefined || amount <= range.upTo);
