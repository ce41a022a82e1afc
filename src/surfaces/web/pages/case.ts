import { nextStatuses, OUTCOMES, type Candidate, type CaseView, type HistoryItem } from "../../../core/cases/index.ts";
import { html, type Html } from "../html.ts";
import { ACTION_LABELS, OUTCOME_LABELS, STATUS_LABELS, THREAD_LABELS } from "../labels.ts";
import { csrfField, empty, time, type Viewer } from "../layout.ts";

/** What the person typed into a form that was refused, so it comes back with the error. */
export interface Typed {
  form?: "message" | "note";
  text?: string;
}

const facts = (view: CaseView) => html`<dl class="facts">
  <dt>Status</dt><dd>${STATUS_LABELS[view.status]}${view.outcome ? html` – ${OUTCOME_LABELS[view.outcome]}` : ""}</dd>
  <dt>Category</dt><dd>${view.categoryLabel}${view.section ? html` <span class="meta">(Code section ${view.section})</span>` : ""}</dd>
  <dt>Reporter</dt><dd>${view.reporter.kind === "named" ? view.reporter.person.name : html`${view.reporter.pseudonym} <span class="badge">anonymous</span>`}</dd>
  <dt>Filed</dt><dd>${time(view.filedAt, true)}</dd>
  <dt>Acknowledge by</dt><dd>${time(view.acknowledgeBy)}${view.acknowledgedAt ? html` <span class="meta">(acknowledged ${time(view.acknowledgedAt)})</span>` : ""}</dd>
  <dt>Feedback by</dt><dd>${view.feedbackBy ? time(view.feedbackBy) : "–"}${view.feedbackAt ? html` <span class="meta">(given ${time(view.feedbackAt)})</span>` : ""}</dd>
  <dt>Handlers</dt><dd>${view.handlers.map((h) => h.name).join(", ")}</dd>
  <dt>Legal hold</dt><dd>${view.legalHold ? html`<strong>On</strong> – never purged` : "Off"}</dd>
  ${view.linkedCases.length ? html`<dt>Linked cases</dt><dd>${view.linkedCases.map((n) => html`<a href="/console/cases/${n}">${n}</a> `)}</dd>` : ""}
</dl>`;

function report(view: CaseView): Html {
  if (!view.report) return empty("This case's content was purged under the retention policy.");
  const r = view.report;
  return html`<div class="report">${r.what}</div>
<dl class="facts"><dt>When</dt><dd>${r.when ?? "–"}</dd><dt>Where</dt><dd>${r.where ?? "–"}</dd></dl>
<h2>People involved</h2>
${r.involved.length ? html`<ul>${r.involved.map((p) => html`<li>${p.name}</li>`)}</ul>` : empty("The report names nobody.")}`;
}

const thread = (view: CaseView) =>
  view.thread.length
    ? html`<ol class="thread">${view.thread.map(
        (m) => html`<li class="${m.kind}"><div class="meta">${THREAD_LABELS[m.kind]} · ${m.author} · ${time(m.at, true)}</div><div>${m.text ?? html`<em>(purged)</em>`}</div></li>`,
      )}</ol>`
    : empty("No messages or notes yet.");

function actions(view: CaseView, viewer: Viewer, candidates: Candidate[], typed: Typed): Html {
  const base = `/console/cases/${view.number}`;
  const next = nextStatuses(view.status);
  const open = !view.purgedAt;
  return html`<div class="actions">
${open
  ? html`<form method="post" action="${base}/message">${csrfField(viewer)}
  <label for="message-text">Message to the reporter</label>
  <textarea id="message-text" name="text" required maxlength="4000">${typed.form === "message" ? typed.text : ""}</textarea>
  <p class="meta">Sent through the bot to the reporter's chat${view.reporter.kind === "anonymous" ? "; they stay anonymous" : ""}.</p>
  <button type="submit">Send to the reporter</button></form>
<form method="post" action="${base}/note">${csrfField(viewer)}
  <label for="note-text">Internal note</label>
  <textarea id="note-text" name="text" required maxlength="4000">${typed.form === "note" ? typed.text : ""}</textarea>
  <p class="meta">Only the case's handlers see notes.</p>
  <button type="submit">Add note</button></form>`
  : ""}
${next.length
  ? html`<form method="post" action="${base}/status">${csrfField(viewer)}
  <label for="status">Change status</label>
  <select id="status" name="status">${next.map((s) => html`<option value="${s}">${STATUS_LABELS[s]}</option>`)}</select>
  <label for="outcome">Outcome (when closing)</label>
  <select id="outcome" name="outcome"><option value="">–</option>${OUTCOMES.map((o) => html`<option value="${o}">${OUTCOME_LABELS[o]}</option>`)}</select>
  <button type="submit">Change status</button></form>`
  : ""}
${open && candidates.length
  ? html`<form method="post" action="${base}/reassign">${csrfField(viewer)}
  <label for="to">Reassign to</label>
  <select id="to" name="to">${candidates.map((c) => html`<option value="${c.id}">${c.name}</option>`)}</select>
  <div><input type="checkbox" id="stay" name="stay"> <label for="stay" class="inline">Keep me on the case too</label></div>
  <button type="submit">Reassign</button></form>`
  : ""}
${open
  ? html`<form method="post" action="${base}/hold">${csrfField(viewer)}
  <input type="hidden" name="on" value="${view.legalHold ? "off" : "on"}">
  <p><strong>Legal hold</strong>: ${view.legalHold ? "on. The case is kept until the hold is lifted." : "off. A closed case is purged after the retention period."}</p>
  <button type="submit"${view.legalHold ? html` class="secondary"` : ""}>${view.legalHold ? "Lift legal hold" : "Place legal hold"}</button></form>`
  : ""}
</div>`;
}

function details(item: HistoryItem): string {
  return Object.entries(item.details)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(", ");
}

const trail = (items: HistoryItem[]) =>
  items.length
    ? html`<div class="table"><table><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Details</th></tr></thead>
<tbody>${items.map((i) => html`<tr><td>${time(i.at, true)}</td><td>${i.actor}</td><td>${ACTION_LABELS[i.action] ?? i.action}</td><td>${details(i)}</td></tr>`)}</tbody></table></div>`
    : empty("No audit entries.");

export function casePage(view: CaseView, history: HistoryItem[], candidates: Candidate[], viewer: Viewer, typed: Typed = {}): Html {
  return html`${facts(view)}
<h2>Report</h2>
${report(view)}
<h2>Thread with the reporter, and notes</h2>
${thread(view)}
<h2>Actions</h2>
${actions(view, viewer, candidates, typed)}
<h2>Audit trail</h2>
${trail(history)}`;
}
