import { roleName } from "../advice/answer.ts";
import type { PersonRole } from "../directory/types.ts";
import type { SeatVia, StageFallback, StageRole } from "./types.ts";

/** A directory role holder who can stand in for an approver (the escalation role). */
const HOLDER: Record<PersonRole, string> = {
  ethics_officer: "the ethics officer",
  president: "the President",
  executive_officer: "an executive officer",
  officer: "an officer of the Company",
  director: "a Director",
  audit_committee: "the Audit Committee",
  attorney: "the Company's attorneys",
};

/** Whose request it is, as the sentence needs it: the requester reads "you", others read the name. */
interface Whose {
  you: boolean;
  name: string;
}

const possessive = (w: Whose) => (w.you ? "your" : `${w.name}'s`);

/** The Code role, said of this requester ("your immediate supervisor", "Alex Romero's immediate supervisor"). */
function roleOf(role: StageRole, w: Whose): string {
  return role === "supervisor" ? `${possessive(w)} immediate supervisor` : roleName(role);
}

/**
 * Who decides a stage and why, truthfully: the Code's role when it decides, or who stands in and
 * the reason ("the ethics officer, because you have no supervisor above you in the directory").
 * The same words for the requester ("you") and for approvers (the requester by name).
 */
export function stageLabel(stage: { role: StageRole; fallback: StageFallback | null; via: SeatVia | undefined }, whose: Whose): string {
  if (!stage.fallback) return roleOf(stage.role, whose);
  const who = stage.via === "chain" ? `the next person up ${possessive(whose)} reporting line` : stage.via && stage.via in HOLDER ? HOLDER[stage.via as PersonRole] : "the escalation contact";
  const subject = whose.you ? "you have" : `${whose.name} has`;
  const above = whose.you ? "you" : "them";
  const why =
    stage.fallback === "no_supervisor"
      ? `${subject} no supervisor above ${above} in the directory`
      : stage.role === "supervisor"
        ? `${possessive(whose)} immediate supervisor is named in the request`
        : `${roleName(stage.role)} cannot decide it: everyone in that role made the request or is named in it`;
  return `${who}, because ${why}`;
}
