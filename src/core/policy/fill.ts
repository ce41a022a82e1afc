import { textVocabulary } from "./draft.ts";
import { ETHICS_TERMS, NOT_COVERED_TERMS } from "./generalTerms.ts";
import type { PolicyRules } from "./rules.ts";
import type { PolicyDocument } from "./types.ts";

/**
 * A rules file may give a topic only what the Code requires of it (clause, verdict, summary,
 * approvers): such a topic is found by the words of its own clause, as `conduct rules draft` would
 * write them, so a Code runs before anyone has written concepts or examples for it. Hand-written
 * concepts, cues and examples are a boost: a topic with any of them is left as it is. A file that
 * lists no not-covered or ethics terms gets the general ones (the matcher leaves out the not-covered
 * terms the Code's own text uses: advice/notCovered.ts).
 */
export function fillFromText(document: PolicyDocument, rules: PolicyRules): PolicyRules {
  const bare = (t: PolicyRules["topics"][number]) => (Array.isArray(t.concepts) ? t.concepts.length === 0 : Object.keys(t.concepts).length === 0) && !t.examples.length && !t.cues.length;
  if (!rules.topics.some(bare) && rules.advice.not_covered.length && rules.advice.ethics_terms.length) return rules;
  const vocabulary = textVocabulary(document);
  const seen = new Set<string>();
  const topics = rules.topics.map((topic) => {
    const second = seen.has(topic.clause);
    seen.add(topic.clause);
    const clause = document.clauses.get(topic.clause);
    return clause && bare(topic) ? { ...topic, ...vocabulary(clause, topic.quote, second) } : topic;
  });
  const advice = {
    ...rules.advice,
    not_covered: rules.advice.not_covered.length ? rules.advice.not_covered : [...NOT_COVERED_TERMS],
    ethics_terms: rules.advice.ethics_terms.length ? rules.advice.ethics_terms : [...ETHICS_TERMS],
  };
  return { ...rules, topics, advice };
}
