import { CATEGORIES, DEFAULT_CATEGORIES, STATUSES, type CaseSummary } from "../../../core/cases/index.ts";
import type { CaseFilters } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { STATUS_LABELS } from "../labels.ts";
import { empty, time } from "../layout.ts";

const DAY = 86_400_000;

/** The filters the person chose, applied to their own cases (search matches the case number). */
export function filterCases(cases: CaseSummary[], filters: CaseFilters): CaseSummary[] {
  const q = filters.q?.toUpperCase();
  return cases.filter((c) => (!filters.status || c.status === filters.status) && (!filters.category || c.category === filters.category) && (!q || c.number.includes(q)));
}

const option = (value: string, label: string, selected: string | undefined) => html`<option value="${value}"${selected === value ? html` selected` : ""}>${label}</option>`;

function deadline(at: Date | null, done: Date | null, overdue: boolean): Html {
  if (!at) return html`<span class="meta">–</span>`;
  if (done) return html`${time(at)} <span class="meta">(met)</span>`;
  return overdue ? html`<span class="overdue">${time(at)} (overdue)</span>` : time(at);
}

export function casesPage(all: CaseSummary[], filters: CaseFilters, now: Date): Html {
  const shown = filterCases(all, filters);
  const filtered = Boolean(filters.status || filters.category || filters.q);
  const form = html`<form class="filters" method="get" action="/console/cases" role="search">
  <div><label for="q">Case number</label><input type="search" id="q" name="q" value="${filters.q ?? ""}" placeholder="C-2026-0001" maxlength="20"></div>
  <div><label for="status">Status</label><select id="status" name="status">${option("", "Any status", filters.status)}${STATUSES.map((s) => option(s, STATUS_LABELS[s], filters.status))}</select></div>
  <div><label for="category">Category</label><select id="category" name="category">${option("", "Any category", filters.category)}${CATEGORIES.map((c) => option(c, DEFAULT_CATEGORIES[c].label, filters.category))}</select></div>
  <button type="submit">Filter</button>${filtered ? html` <a href="/console/cases">Clear</a>` : ""}
</form>`;
  if (!shown.length) return html`${form}${empty(all.length ? "No case of yours matches these filters." : "You handle no cases. Cases routed to you appear here.")}`;
  const rows = shown.map(
    (c) => html`<tr>
  <td><a href="/console/cases/${c.number}">${c.number}</a>${c.priority === "high" ? html` <span class="badge">high priority</span>` : ""}</td>
  <td>${STATUS_LABELS[c.status]}</td>
  <td>${c.categoryLabel}</td>
  <td>${Math.max(0, Math.floor((now.getTime() - c.filedAt.getTime()) / DAY))} days</td>
  <td>${deadline(c.acknowledgeBy, c.acknowledgedAt, c.overdue.acknowledge)}</td>
  <td>${deadline(c.feedbackBy, c.feedbackAt, c.overdue.feedback)}</td>
</tr>`,
  );
  return html`${form}
<p class="meta">${shown.length} of ${all.length} case${all.length === 1 ? "" : "s"}</p>
<div class="table"><table>
<caption class="meta">Your cases, newest first</caption>
<thead><tr><th scope="col">Case</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Age</th><th scope="col">Acknowledge by</th><th scope="col">Feedback by</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
