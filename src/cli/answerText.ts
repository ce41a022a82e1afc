import { roleName, type Answer } from "../core/advice/index.ts";

const HEADLINE: Record<Answer["verdict"], string> = {
  allowed: "Allowed",
  needs_approval: "Needs approval",
  prohibited: "Not allowed",
  guidance: "Ask for guidance",
  report: "Report it",
  out_of_scope: "Not covered by the Code",
};

/** An answer as plain text for a terminal: headline, the answer, and the clauses it relies on. */
export function answerText(answer: Answer): string {
  const who = answer.approvers.map((r) => roleName(r)).join(", ");
  const lines = [`${answer.headline ?? HEADLINE[answer.verdict]}${who ? ` (${who})` : ""}`, answer.answer];
  for (const clause of answer.clauses) lines.push("", `  Section ${clause.id}, ${clause.title}:`, `  “${clause.quote}”`);
  return lines.join("\n");
}
