import { roleName as coreRoleName } from "../../../core/advice/index.ts";
import type { ApproverRole, Verdict } from "../../../core/policy/types.ts";

/** How each verdict reads on a card, and the card colour that goes with it. Wording only. */
export const VERDICT_LABELS: Record<Verdict, { title: string; color: "good" | "warning" | "attention" | "accent" | "default" }> = {
  allowed: { title: "✅ Allowed", color: "good" },
  needs_approval: { title: "📝 Allowed with prior approval", color: "warning" },
  prohibited: { title: "⛔ Not allowed", color: "attention" },
  guidance: { title: "💬 Ask for guidance", color: "accent" },
  report: { title: "🚩 This should be reported", color: "attention" },
  out_of_scope: { title: "🤷 Not covered by the Code", color: "default" },
};

/** "Your immediate supervisor": the core's name for the role, as the start of a line. */
export function roleName(role: ApproverRole): string {
  const name = coreRoleName(role);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The caption in front of the roles: approvers approve; otherwise they advise. */
export function rolesCaption(verdict: Verdict): string {
  return verdict === "needs_approval" ? "Who approves" : "Who to ask";
}
