import type { DecisionRule } from "./types.ts";

/** Approvals a stage needs under its rule: one, more than half of the eligible seats, or every seat. */
export function approvalsNeeded(rule: DecisionRule, seats: number): number {
  if (rule === "any") return 1;
  if (rule === "majority") return Math.floor(seats / 2) + 1;
  return seats;
}

/**
 * Where a stage stands after its decisions. `any`: the first decision settles it. `majority`:
 * approved once more than half approve, declined once that can no longer happen. `all`: one
 * decline settles it.
 */
export function stageOutcome(rule: DecisionRule, seats: number, approvals: number, declines: number): "open" | "approved" | "declined" {
  const needed = approvalsNeeded(rule, seats);
  if (approvals >= needed) return "approved";
  if (rule === "any" && declines > 0) return "declined";
  if (seats - declines < needed) return "declined";
  return "open";
}
