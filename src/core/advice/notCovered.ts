import type { PolicyDocument } from "../policy/types.ts";
import { Lexicon } from "./lexicon.ts";
import { phraseStems, tokenize } from "./normalise.ts";

/**
 * The not-covered terms (payroll, parking…) the Code's own text never uses: a Code that speaks of
 * timesheets or logins covers them, whatever a generic not-covered list (such as the general list
 * `conduct rules draft` starts from) says, so a question about them is not declared out of scope for naming them.
 */
export function notCoveredBeyond(document: PolicyDocument, notCovered: readonly string[]): string[] {
  if (!notCovered.length) return [];
  const lexicon = new Lexicon([], notCovered);
  const used = new Set<string>();
  for (const clause of document.clauses.values()) {
    for (const hit of lexicon.find(tokenize(clause.text))) used.add(hit.term.stems.join(" "));
  }
  return notCovered.filter((phrase) => !used.has(phraseStems(phrase).join(" ")));
}
