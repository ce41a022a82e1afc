import type { ApproverRole, Verdict } from "../../../core/policy/types.ts";

/** How each verdict reads as the answer's header line. Wording only; the verdict is the core's. */
export const VERDICT_HEADERS: Record<Verdict, string> = {
  allowed: "✅ Allowed",
  needs_approval: "📝 Allowed with prior approval",
  prohibited: "⛔ Not allowed",
  guidance: "💬 Ask for guidance",
  report: "🚩 This should be reported",
  out_of_scope: "🤷 Not covered by the Code",
};

export const ROLE_NAMES: Record<ApproverRole, string> = {
  supervisor: "your immediate supervisor",
  executive_officer: "an executive officer",
  officer: "an officer of the Company",
  president: "the President",
  board: "the Board of Directors",
  audit_committee: "the Audit Committee",
  attorneys: "the Company's attorneys",
};

/** "the Board", "the Audit Committee and the Board", "A, B and C". */
export function listRoles(roles: readonly ApproverRole[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The caption in front of the roles: approvers approve; for guidance they advise. */
export function rolesCaption(verdict: Verdict): string {
  return verdict === "needs_approval" ? "Who approves" : "Who to ask";
}
