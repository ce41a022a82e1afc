import type { Values } from "../policy/values.ts";
import type { Verdict } from "../policy/types.ts";

/** "$15", "$2,000", "$1.5k", "500 bucks", "20 grand", "300 usd", "8k". */
const AMOUNT = /(?:\$|\busd ?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))? ?(k|grand|thousand)?\b|\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))? ?(k|grand|thousand)? ?(?:bucks|dollars|usd)\b|\b(\d+) ?(grand)\b|\b(?!40[13]k)(\d+(?:\.\d+)?)k\b/g;
const WORD_AMOUNT = /\b(a|one|two|three|five|ten|twenty|fifty|a few|a couple|couple|several) (hundred|thousand|grand)\b|\b(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (bucks|dollars)\b/g;
const WORD_VALUE: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, five: 5, ten: 10, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, "a few": 3, "a couple": 2, couple: 2, several: 5 };
const SCALE: Record<string, number> = { k: 1000, grand: 1000, thousand: 1000, hundred: 100, bucks: 1, dollars: 1 };

/** The largest amount of money a question names, in units of its currency, or undefined. */
export function amountIn(question: string): number | undefined {
  const text = question.toLowerCase();
  let best: number | undefined;
  const keep = (n: number) => {
    if (Number.isFinite(n) && (best === undefined || n > best)) best = n;
  };
  for (const m of text.matchAll(AMOUNT)) {
    if (m[9]) {
      keep(Number(m[9]) * 1000); // "8k worth"
      continue;
    }
    const whole = m[1] ?? m[4] ?? m[7];
    const fraction = m[2] ?? m[5];
    const scale = m[3] ?? m[6] ?? m[8];
    keep(Number(`${whole!.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`) * (scale ? SCALE[scale]! : 1));
  }
  for (const m of text.matchAll(WORD_AMOUNT)) {
    if (m[1]) keep(WORD_VALUE[m[1]]! * SCALE[m[2]!]!);
    else keep(WORD_VALUE[m[3]!]!);
  }
  return best;
}

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
  const lavish = hasWord(values.significant.words);
  if (lavish) return { verdict: values.significant.verdict, kind: "significant", because: `"${lavish}" counts as ${significant}` };
  if (amount !== undefined) {
    if (amount <= values.nominal.up_to) return { verdict: values.nominal.verdict, kind: "nominal", because: `at ${money(amount)} this is of ${nominal}` };
    if (amount >= values.significant.from) return { verdict: values.significant.verdict, kind: "significant", because: `at ${money(amount)} this is of ${significant}` };
    return undefined;
  }
  const token = hasWord(values.nominal.words);
  if (token) return { verdict: values.nominal.verdict, kind: "nominal", because: `"${token}" counts as ${nominal}` };
  return undefined;
}
