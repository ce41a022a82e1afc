import { randomBytes } from "node:crypto";
import type { RegisterEntry } from "../../../core/approvals/registers.ts";
import type { ApprovalView, WaitingItem } from "../../../core/approvals/types.ts";
import { REGISTERS } from "../../../core/approvals/types.ts";
import { html, type Html } from "../html.ts";
import { REGISTER_LABELS } from "../labels.ts";
import { csrfField, empty, type Viewer } from "../layout.ts";

const amount = (v: Pick<ApprovalView, "details">) => (v.details.amount != null ? `${v.details.amount} ${v.details.currency ?? ""}`.trim() : "");

function decisionForm(item: WaitingItem, viewer: Viewer): Html {
  const { view } = item;
  const id = `d-${view.id}`;
  return html`<form method="post" action="/console/approvals/${view.id}/decide">${csrfField(viewer)}
  <input type="hidden" name="stage" value="${item.stage}">
  <input type="hidden" name="key" value="${randomBytes(18).toString("base64url")}">
  ${item.onBehalfOf ? html`<input type="hidden" name="onBehalfOf" value="${item.onBehalfOf.id}">` : ""}
  <label for="${id}-action">Decision</label>
  <select id="${id}-action" name="action"><option value="approve">Approve</option><option value="decline">Decline</option><option value="ask_info">Ask for information</option></select>
  <label for="${id}-text">Conditions, reason or question</label>
  <textarea id="${id}-text" name="text" maxlength="4000"></textarea>
  <button type="submit">Record decision</button>
</form>`;
}

export function approvalsPage(waiting: WaitingItem[], viewer: Viewer): Html {
  if (!waiting.length) return empty("Nothing is waiting for your decision.");
  return html`<div class="actions">${waiting.map(
    ({ view, ...rest }) => html`<section aria-labelledby="h-${view.id}">
<h2 id="h-${view.id}">${view.reference}: ${view.summary}</h2>
<dl class="facts">
  <dt>Requested by</dt><dd>${view.requester.name}</dd>
  <dt>Register</dt><dd>${view.register ? REGISTER_LABELS[view.register] : "–"}</dd>
  <dt>Clause</dt><dd>${view.clauseId}</dd>
  ${amount(view) ? html`<dt>Amount</dt><dd>${amount(view)}</dd>` : ""}
  ${view.details.giver ? html`<dt>From</dt><dd>${view.details.giver}</dd>` : ""}
  ${view.details.organisation ? html`<dt>Organisation</dt><dd>${view.details.organisation}</dd>` : ""}
  ${rest.onBehalfOf ? html`<dt>On behalf of</dt><dd>${rest.onBehalfOf.name}</dd>` : ""}
  <dt>Stage</dt><dd>${rest.stage} of ${view.stages.length}</dd>
</dl>
${decisionForm({ view, ...rest }, viewer)}
</section>`,
  )}</div>`;
}

/** The register columns, in order: the page's table and its CSV are the same rows. */
export const REGISTER_COLUMNS = ["Reference", "Register", "Status", "Requested", "Requester", "Subject", "Summary", "Amount", "Giver / organisation", "Decisions", "Disclosure required"] as const;

export function registerRows(entries: RegisterEntry[]): string[][] {
  return entries.map((e) => [
    e.reference,
    e.register ? REGISTER_LABELS[e.register]! : "–",
    e.status,
    e.requestedAt.slice(0, 10),
    e.requester.name,
    e.subject?.name ?? "",
    e.summary,
    e.amount != null ? `${e.amount} ${e.currency ?? ""}`.trim() : "",
    e.giver ?? e.organisation ?? "",
    e.decisions.map((d) => `${d.action} by ${d.approver.name}${d.delegate ? ` (via ${d.delegate.name})` : ""} ${d.decidedAt.slice(0, 10)}`).join("; "),
    e.disclosureRequired ? "yes" : "no",
  ]);
}

/** RFC 4180 CSV; a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it. */
export function toCsv(rows: string[][]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function registersPage(entries: RegisterEntry[], filters: { register?: string; status?: string }, query: string): Html {
  const opt = (value: string, label: string, sel?: string) => html`<option value="${value}"${sel === value ? html` selected` : ""}>${label}</option>`;
  const form = html`<form class="filters" method="get" action="/console/registers">
  <div><label for="register">Register</label><select id="register" name="register">${opt("", "All registers", filters.register)}${REGISTERS.map((r) => opt(r, REGISTER_LABELS[r]!, filters.register))}</select></div>
  <div><label for="rstatus">Status</label><select id="rstatus" name="status">${opt("", "Any status", filters.status)}${["pending", "info_requested", "approved", "declined", "withdrawn"].map((s) => opt(s, s.replace("_", " "), filters.status))}</select></div>
  <button type="submit">Filter</button>
  <a href="/console/registers.csv${query}" download>Download CSV of these rows</a>
</form>`;
  if (!entries.length) return html`${form}${empty("No approval requests in this register yet.")}`;
  const rows = registerRows(entries);
  return html`${form}<div class="table"><table>
<thead><tr>${REGISTER_COLUMNS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${rows.map((r, i) => html`<tr${entries[i]!.disclosureRequired ? html` class="disclose"` : ""}>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

