import type { Dashboard } from "../../../core/insights/dashboard.ts";
import { barChart, columnChart } from "../charts.ts";
import { html, type Html } from "../html.ts";
import { REGISTER_LABELS, VERDICT_LABELS } from "../labels.ts";
import { empty } from "../layout.ts";

const none = (title: string, text: string) => html`<figure><figcaption>${title}</figcaption>${empty(text)}</figure>`;

export function dashboardPage(d: Dashboard): Html {
  const questions = d.questionsBySectionWeek.length
    ? columnChart("Questions per section per week (week starting)", d.weeks, d.questionsBySectionWeek)
    : none("Questions per section per week", "No questions asked in the last 8 weeks.");
  const verdicts = d.verdictMix.some((v) => v.value !== null)
    ? barChart("Verdict mix (last 8 weeks)", d.verdictMix.map((v) => ({ label: VERDICT_LABELS[v.label] ?? v.label, value: v.value })))
    : none("Verdict mix", "Too few questions to show (each verdict needs at least 5).");
  const topSections = d.topSections.length ? barChart("Sections asked about most", d.topSections) : none("Sections asked about most", "No questions yet.");
  const unhelpful = d.unhelpful.length ? barChart("Answers marked unhelpful, by clause", d.unhelpful) : none("Answers marked unhelpful", "No answer was marked unhelpful.");
  const cases = d.casesByCategoryMonth.length
    ? columnChart("Cases per category per month", d.months, d.casesByCategoryMonth)
    : none("Cases per category per month", "No cases in the last year.");
  const deadlines = barChart(
    "Median days to acknowledge and to give feedback",
    d.deadlines.map((s) => ({ label: `${s.label}, limit ${s.limitDays}`, value: s.medianDays })),
    " days",
  );
  const deadlineTable = html`<div class="table"><table><caption class="meta">Against the legal deadlines (counts under 5 withheld)</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Cases</th><th scope="col">Median days</th><th scope="col">On time</th><th scope="col">Late or overdue</th></tr></thead>
<tbody>${d.deadlines.map((s) => html`<tr><td>${s.label}</td><td>${s.cases ?? "fewer than 5"}</td><td>${s.medianDays ?? "–"}</td><td>${s.onTime ?? "fewer than 5"}</td><td>${s.late ?? "fewer than 5"}</td></tr>`)}</tbody></table></div>`;
  const turnaround = d.approvalTurnaround.length
    ? barChart("Approval turnaround, median days", d.approvalTurnaround.map((t) => ({ label: REGISTER_LABELS[t.label] ?? t.label, value: t.medianDays })), " days")
    : none("Approval turnaround", "No decided approval requests in the last year.");
  return html`<p class="meta">Aggregates only: never who asked, reported or requested. Any count under 5 is withheld.</p>
<div class="charts">${questions}${verdicts}${topSections}${unhelpful}${cases}${deadlines}${turnaround}</div>
${deadlineTable}`;
}
