// Charts drawn on the server as SVG: no script, no network. Each comes with its numbers as a table
// for screen readers and for anyone who wants the figures. A withheld cell (under 5) is never drawn.
import type { Bar, Cell, Series } from "../../core/insights/dashboard.ts";
import { escape, html, trusted, type Html } from "./html.ts";

const COLOURS = ["#0b57d0", "#b3261e", "#1e6b35", "#8a4b00", "#6a1b9a", "#00677f"];
const WITHHELD = "fewer than 5";
const show = (v: Cell) => (v === null ? WITHHELD : String(v));
const e = escape;

function figure(title: string, svg: string, table: Html): Html {
  return html`<figure><figcaption>${title}</figcaption>${trusted(svg)}<details><summary>Figures</summary>${table}</details></figure>`;
}

/** Horizontal bars, one per label. */
export function barChart(title: string, bars: Bar[], unit = ""): Html {
  const width = 600;
  const labelWidth = 250;
  const row = 26;
  const height = Math.max(1, bars.length) * row + 10;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const body = bars
    .map((b, i) => {
      const y = 5 + i * row;
      const w = b.value === null ? 0 : Math.max(1, Math.round(((width - labelWidth - 90) * b.value) / max));
      return (
        `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1b1f24">${e(b.label.length > 36 ? `${b.label.slice(0, 35)}…` : b.label)}</text>` +
        (b.value === null
          ? `<text x="${labelWidth + 4}" y="${y + 17}" font-size="12" fill="#505a66">${WITHHELD}</text>`
          : `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="18" fill="${COLOURS[0]}"/><text x="${labelWidth + w + 6}" y="${y + 17}" font-size="12" fill="#1b1f24">${b.value}${e(unit)}</text>`)
      );
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>${body}</svg>`;
  const table = html`<table><thead><tr><th scope="col">Item</th><th scope="col">Count</th></tr></thead><tbody>${bars.map((b) => html`<tr><td>${b.label}</td><td>${show(b.value)}</td></tr>`)}</tbody></table>`;
  return figure(title, svg, table);
}

/** Grouped columns: one group per period (week, month), one colour per series, with a legend. */
export function columnChart(title: string, periods: string[], series: Series[]): Html {
  const width = 560;
  const plot = 180;
  const top = 10;
  const left = 30;
  const legendRow = 18;
  const height = top + plot + 30 + series.length * legendRow;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const groupWidth = (width - left - 10) / Math.max(1, periods.length);
  const barWidth = Math.max(2, (groupWidth - 6) / Math.max(1, series.length));
  let body = `<line x1="${left}" y1="${top + plot}" x2="${width - 5}" y2="${top + plot}" stroke="#505a66"/>`;
  body += `<text x="${left - 4}" y="${top + 10}" text-anchor="end" font-size="11" fill="#505a66">${max}</text><text x="${left - 4}" y="${top + plot}" text-anchor="end" font-size="11" fill="#505a66">0</text>`;
  periods.forEach((p, i) => {
    const x0 = left + i * groupWidth + 3;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined || v === 0) return;
      const h = Math.max(1, Math.round((plot * v) / max));
      body += `<rect x="${(x0 + j * barWidth).toFixed(1)}" y="${top + plot - h}" width="${(barWidth - 1).toFixed(1)}" height="${h}" fill="${COLOURS[j % COLOURS.length]}"><title>${e(s.label)}, ${e(p)}: ${v}</title></rect>`;
    });
    body += `<text x="${(x0 + groupWidth / 2 - 3).toFixed(1)}" y="${top + plot + 16}" text-anchor="middle" font-size="11" fill="#1b1f24">${e(p.slice(5))}</text>`;
  });
  series.forEach((s, j) => {
    const y = top + plot + 30 + j * legendRow;
    body += `<rect x="${left}" y="${y}" width="12" height="12" fill="${COLOURS[j % COLOURS.length]}"/><text x="${left + 18}" y="${y + 11}" font-size="12" fill="#1b1f24">${e(s.label)}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>${body}</svg>`;
  const table = html`<table><thead><tr><th scope="col">Series</th>${periods.map((p) => html`<th scope="col">${p}</th>`)}</tr></thead>
<tbody>${series.map((s) => html`<tr><th scope="row">${s.label}</th>${s.values.map((v) => html`<td>${show(v)}</td>`)}</tr>`)}</tbody></table>`;
  return figure(title, svg, table);
}
