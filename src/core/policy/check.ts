import type { Advisor } from "../advice/advisor.ts";
import type { Policy } from "./load.ts";

/** A runner-up from another section scoring at least this share of the clause an example belongs to is a near tie. */
const NEAR_TIE = 0.9;
const sectionOf = (clauseId: string) => clauseId.replace(/[.(].*$/, "");

export interface Finding {
  level: "error" | "warning";
  message: string;
}

/**
 * Lints a loaded rules file against its Code: clauses no topic covers, topics whose own examples do
 * not find them, topics of different clauses that the matcher cannot tell apart (examples answered
 * from the other, or nearly tied with a clause of another section), and topics without concepts or
 * examples. (Schema problems, unknown clauses and roles already fail at load.)
 */
export function lintRules({ document, rules }: Policy, advisor: Advisor): Finding[] {
  const findings: Finding[] = [];
  const covered = new Set(rules.topics.map((t) => t.clause));
  for (const clause of document.clauses.values()) {
    const hasSub = [...document.clauses.keys()].some((id) => id !== clause.id && (id.startsWith(`${clause.id}.`) || id.startsWith(`${clause.id}(`)));
    if (!covered.has(clause.id) && clause.sentences.length && !hasSub) findings.push({ level: "warning", message: `clause ${clause.id} (${clause.title}): no topic covers it, so no answer cites it` });
  }
  const reportingClause = rules.topics.find((t) => t.id === rules.advice.reporting_topic)?.clause;
  const confusions = new Map<string, number>();
  /** Pair of clauses → the first example of one that the other nearly took. */
  const nearTies = new Map<string, string>();
  for (const topic of rules.topics) {
    const concepts = Array.isArray(topic.concepts) ? topic.concepts.length : Object.values(topic.concepts).flat().length;
    if (!concepts && !topic.examples.length) findings.push({ level: "warning", message: `topic ${topic.id}: no concepts and no examples; only the Code's own words can find it` });
    for (const example of topic.examples) {
      const answer = advisor.advise(example);
      const top = answer.clauses[0]?.id;
      if (top === topic.clause) {
        // Found, but barely: a clause of another section comes within NEAR_TIE of it.
        const [first, second] = answer.clauses;
        // (The reporting clause and the topic's `also` are cited beside it on purpose, at a set share.)
        const companion = second && (second.id === reportingClause || topic.also.includes(second.id));
        if (first && second && !companion && sectionOf(second.id) !== sectionOf(first.id) && second.score >= NEAR_TIE * first.score) {
          const pair = [topic.clause, second.id].sort().join(" / ");
          nearTies.set(pair, nearTies.get(pair) ?? example);
        }
        continue;
      }
      findings.push({ level: "warning", message: `topic ${topic.id}: its example "${example}" is answered from ${top ? `clause ${top}` : "nothing (not covered)"}, not ${topic.clause}` });
      if (top) {
        const pair = [topic.clause, top].sort().join(" / ");
        confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
      }
    }
  }
  for (const [pair, n] of confusions) if (n >= 2) findings.push({ level: "warning", message: `clauses ${pair}: ambiguous pair (${n} examples of one are answered from the other); give them distinguishing concepts or cues` });
  for (const [pair, example] of nearTies) {
    if (!confusions.has(pair)) findings.push({ level: "warning", message: `clauses ${pair}: read alike (the example "${example}" scores nearly as high for both); give them distinguishing concepts or cues` });
  }
  return findings;
}
