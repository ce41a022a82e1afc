import { roleName } from "../../../core/advice/index.ts";
import type { ApproverRole, Verdict } from "../../../core/policy/types.ts";
import { joinNames } from "../../../core/text/joinNames.ts";

/** How each verdict reads as the answer's header line. Wording only; the verdict is the core's. */
export const VERDICT_HEADERS: Record<Verdict, string> = {
  allowed: "✅ Allowed",
  needs_approval: "📝 Allowed with prior approval",
  prohibited: "⛔ Not allowed",
  guidance: "💬 Ask for guidance",
  report: "🚩 This should be reported",
  out_of_scope: "🤷 Not covered by the Code",
};

/** "the Board of Directors", "the Audit Committee and the Board of Directors", "A, B or C". */
export function listRoles(roles: readonly ApproverRole[], join: "and" | "or" = "and"): string {
  return joinNames(roles.map((r) => roleName(r)), join);
}

/** The line naming the roles: all approvers must approve; for guidance any of them can advise. */
export function rolesLine(verdict: Verdict, roles: readonly ApproverRole[]): string {
  return verdict === "needs_approval" ? `*Who approves:* ${listRoles(roles, "and")}` : `*Who to ask:* ${listRoles(roles, "or")}`;
}
