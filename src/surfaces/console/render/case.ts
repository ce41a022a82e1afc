import type { CaseView, ReporterCaseView, ThreadItem } from "../../../core/cases/index.ts";
import { joinNames } from "../../../core/text/joinNames.ts";
import { caseStateLabel, STATUS_LABELS } from "../../../interactions/caseLabels.ts";
import { CASE_LIST_WORDS as W, type CaseLists } from "../../../interactions/caseLists.ts";
import { day } from "./names.ts";

const thread = (items: readonly ThreadItem[]) =>
  items.map((m) => `  [${day(m.at)}] ${m.kind === "note" ? "Internal note by " : ""}${m.author}: ${m.text ?? "(removed when the case was purged)"}`);

/** A case as its handlers see it. Anonymous reporters appear only under their pseudonym. */
export function caseText(view: CaseView): string {
  const reporter = view.reporter.kind === "named" ? view.reporter.person.name : view.reporter.pseudonym;
  const lines = [
    `Case ${view.number} · ${view.categoryLabel} · ${caseStateLabel(view)}${view.priority === "high" ? " · high priority" : ""}`,
    `  Reporter: ${reporter} (${view.mode})`,
    `  Handlers: ${joinNames(view.handlers.map((h) => h.name))}`,
    `  Filed ${day(view.filedAt)}; acknowledge by ${day(view.acknowledgeBy)}${view.feedbackBy ? `; feedback by ${day(view.feedbackBy)}` : ""}`,
  ];
  if (view.report) {
    lines.push(`  What happened: ${view.report.what}`);
    if (view.report.when) lines.push(`  When: ${view.report.when}`);
    if (view.report.where) lines.push(`  Where: ${view.report.where}`);
    if (view.report.involved.length) lines.push(`  Involved: ${joinNames(view.report.involved.map((p) => p.name))}`);
  }
  if (view.thread.length) lines.push("  Messages:", ...thread(view.thread));
  lines.push(`  /reply ${view.number} <text> · /note ${view.number} <text> · /ack ${view.number} · /close ${view.number} <substantiated|unsubstantiated|referred>`);
  return lines.join("\n");
}

/** A case as its reporter sees it. */
export function reporterCaseText(view: ReporterCaseView): string {
  const lines = [`Your report ${view.number} · ${view.categoryLabel} · ${caseStateLabel(view)} (${view.mode})`, `  Filed ${day(view.filedAt)}`];
  if (view.thread.length) lines.push("  Messages:", ...thread(view.thread));
  lines.push(`  /reply ${view.number} <text> writes to the people handling it.`);
  return lines.join("\n");
}

export function caseListText(list: CaseLists): string {
  const { handling, reported } = list;
  if (!handling.length && !reported.length) return W.none;
  const more = (cut: boolean) => (cut ? [`  ${W.more(list.limit)}`] : []);
  const lines: string[] = [];
  if (handling.length) lines.push(`${W.handling}:`, ...handling.map((c) => `  ${c.number} · ${c.categoryLabel} · ${STATUS_LABELS[c.status]}${c.priority === "high" ? " · high priority" : ""}`), ...more(list.moreHandling));
  if (reported.length) lines.push(`${W.reported}:`, ...reported.map((c) => `  ${c.number} · ${c.categoryLabel} · ${caseStateLabel(c)}`), ...more(list.moreReported));
  return lines.join("\n");
}
