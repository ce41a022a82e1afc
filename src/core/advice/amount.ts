import type { Values } from "../policy/values.ts";
import type { Verdict } from "../policy/types.ts";

/** A currency named before the figure: "$15", "€2,000", "£400", "usd 300", "eur 50". */
const BEFORE = String.raw`(?:[$€£]|\b(?:usd|eur|gbp|chf) ?)`;
/** …or after it: "500 bucks", "200 euro", "30 quid", "3 pounds", "150 eur". */
const AFTER = String.raw`(?:bucks|dollars?|usd|euros?|eur|pounds?|quid|gbp|chf|francs?)`;
const FIGURE = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const MULTIPLIER = String.raw`(k|grand|thousand|hundred)`;
/** "$15", "€2,000", "$1.5k", "500 bucks", "20 grand", "300 usd", "8k", "1.5k each", "£2k". Bounded, no nested repeats: linear time. */
const AMOUNT = new RegExp(
  String.raw`${BEFORE}${FIGURE} ?${MULTIPLIER}?\b|\b${FIGURE} ?${MULTIPLIER}? ?${AFTER}\b|\b(\d+) ?(grand)\b|\b(?!40[13]k)(\d+(?:\.\d+)?)k\b`,
  "g",
);
const NUMBER_WORD = "a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a few|a couple|couple|a couple of|several";
const TENS = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
/** "a couple hundred", "five grand", "fifty bucks", "a hundred quid"; a "fiver", a "tenner". */
const WORD_AMOUNT = new RegExp(String.raw`\b(${NUMBER_WORD}) (hundred|thousand|grand)\b|\b(${TENS}|five|a few) (bucks|dollars|euros?|pounds|quid)\b|\b(fiver|tenner|score|pony|monkey)\b`, "g");
const WORD_VALUE: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, "a few": 3, "a couple": 2, couple: 2, "a couple of": 2, several: 5,
};
/** British slang for notes: a fiver, a tenner, a score (20), a pony (25), a monkey (500). */
const SLANG: Record<string, number> = { fiver: 5, tenner: 10, score: 20, pony: 25, monkey: 500 };
const SCALE: Record<string, number> = { k: 1000, grand: 1000, thousand: 1000, hundred: 100 };
/** Slang words that are also ordinary words count only next to money ("a tenner's worth", "a monkey for the ref"). */
const SLANG_NEEDS_MONEY = new Set(["score", "pony", "monkey"]);
const MONEY_CONTEXT = /\b(worth|cash|quid|notes?|in an envelope|bung|paid|pay|gave|give|slipped)\b/;

/** The largest amount of money a question names, in units of its currency (any currency), or undefined. */
export function amountIn(question: string): number | undefined {
  const text = question.toLowerCase();
  let best: number | undefined;
  const keep = (n: number) => {
    if (Number.isFinite(n) && (best === undefined || n > best)) best = n;
  };
  const number = (whole: string, fraction: string | undefined, scale: string | undefined) =>
    Number(`${whole.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`) * (scale ? SCALE[scale]! : 1);
  for (const m of text.matchAll(AMOUNT)) {
    if (m[9]) keep(Number(m[9]) * 1000); // "8k worth"
    else if (m[7]) keep(Number(m[7]) * 1000); // "20 grand"
    else if (m[1]) keep(number(m[1], m[2], m[3]));
    else if (m[4]) keep(number(m[4], m[5], m[6]));
  }
  for (const m of text.matchAll(WORD_AMOUNT)) {
    if (m[1]) keep(WORD_VALUE[m[1]]! * SCALE[m[2]!]!);
    else if (m[3]) keep(WORD_VALUE[m[3]]!);
    else if (m[5] && (!SLANG_NEEDS_MONEY.has(m[5]) || MONEY_CONTEXT.test(text))) keep(SLANG[m[5]]!);
  }
  return best;
}

/**
 * Kinds of gift that are never token ones, whatever a rules file lists: consumer electronics, luxury goods,
 * paid travel. Cash and its equivalents are left to the rules (some Codes allow a small voucher).
 */
const SIGNIFICANT_KINDS = [
  "phone", "iphone", "smartphone", "tablet", "ipad", "laptop", "macbook", "airpods", "headphones", "smartwatch", "apple watch", "games console",
  "playstation", "xbox", "television", "camera", "drone", "jewellery", "jewelry", "designer", "handbag", "flights", "plane tickets", "hotel stay",
  "holiday", "trip", "villa", "cruise", "weekend away", "all expenses paid",
];
/** Kinds of gift that are token ones: promotional items and small things to eat. */
const NOMINAL_KINDS = [
  "branded", "promotional", "promo", "swag", "merch", "freebie", "freebies", "giveaway", "keyring", "key ring", "notebook", "calendar", "diary",
  "umbrella", "chocolate", "sweets", "biscuits", "cookies", "candy", "flowers", "cake", "pastries", "thank you card",
];

export interface ValueReading {
  verdict: Verdict;
  /** What decided it: the amount named, or the word that says the gift is nominal or significant. */
  because: string;
  kind: "nominal" | "significant";
}

/**
 * What a topic's value thresholds say about a question: a word naming a significant gift (cash, a
 * resort stay, gifts that keep coming), else the amount it names, else a word naming a token gift;
 * undefined when it names none of them or its amount falls between the thresholds.
 */
export function readValue(question: string, values: Values, hasWord: (phrases: readonly string[]) => string | undefined): ValueReading | undefined {
  const amount = amountIn(question);
  const money = (n: number) => `${values.currency}${n.toLocaleString("en-US")}`;
  const per = values.per ? `, ${values.per}` : "";
  const nominal = `nominal value (up to ${money(values.nominal.up_to)}${per})`;
  const significant = `significant value (${money(values.significant.from)} or more${per})`;
  // A word naming cash, a lavish gift or one that keeps coming decides before any amount: $40 in cash is still cash.
  const lavish = hasWord(values.significant.words) ?? hasWord(SIGNIFICANT_KINDS);
  if (lavish) return { verdict: values.significant.verdict, kind: "significant", because: `"${lavish}" counts as ${significant}` };
  if (amount !== undefined) {
    if (amount <= values.nominal.up_to) return { verdict: values.nominal.verdict, kind: "nominal", because: `at ${money(amount)} this is of ${nominal}` };
    if (amount >= values.significant.from) return { verdict: values.significant.verdict, kind: "significant", because: `at ${money(amount)} this is of ${significant}` };
    return undefined;
  }
  const token = hasWord(values.nominal.words) ?? hasWord(NOMINAL_KINDS);
  if (token) return { verdict: values.nominal.verdict, kind: "nominal", because: `"${token}" counts as ${nominal}` };
  return undefined;
}
