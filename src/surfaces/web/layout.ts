import { html, type Html } from "./html.ts";

export interface Viewer {
  name: string;
  csrfToken: string;
  /** Sees registers and the dashboard. */
  oversees: boolean;
}

type Section = "cases" | "approvals" | "registers" | "dashboard" | null;

function nav(viewer: Viewer, current: Section): Html {
  const link = (section: Exclude<Section, null>, label: string) =>
    html`<li><a href="/console/${section}"${current === section ? html` aria-current="page"` : ""}>${label}</a></li>`;
  return html`<nav aria-label="Console">
  <ul>
    ${link("cases", "Cases")}${link("approvals", "Approvals")}${viewer.oversees ? [link("registers", "Registers"), link("dashboard", "Dashboard")] : ""}
  </ul>
  <form method="post" action="/console/signout" class="signout">${csrfField(viewer)}<span>${viewer.name}</span> <button type="submit">Sign out</button></form>
</nav>`;
}

/** The hidden CSRF field every form carries. */
export const csrfField = (viewer: Pick<Viewer, "csrfToken">) => html`<input type="hidden" name="csrf" value="${viewer.csrfToken}">`;

/** A whole page: title, navigation for a signed-in viewer, a notice or an error, then the content. */
export function page(options: { title: string; viewer?: Viewer; section?: Section; notice?: string; error?: string }, content: Html): Html {
  const { title, viewer, section = null, notice, error } = options;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Conduct console</title>
<link rel="stylesheet" href="/console/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><span class="brand">Conduct console</span>${viewer ? nav(viewer, section) : ""}</header>
<main id="main">
<h1>${title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${content}
</main>
</body>
</html>`;
}

export const empty = (text: string) => html`<p class="empty">${text}</p>`;

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATETIME = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
export const day = (d: Date) => DATE.format(d);
export const when = (d: Date) => DATETIME.format(d);
/** <time> with a readable date and the exact instant for machines. */
export const time = (d: Date, withTime = false) => html`<time datetime="${d.toISOString()}">${withTime ? when(d) : day(d)}</time>`;
