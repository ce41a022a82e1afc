import { describe, expect, it } from "vitest";
import { cell, MIN_CELL } from "../../src/core/insights/dashboard.ts";
import { barChart, columnChart } from "../../src/surfaces/web/charts.ts";
import { escape, html } from "../../src/surfaces/web/html.ts";
import { toCsv } from "../../src/surfaces/web/pages/approvals.ts";

describe("web console rendering", () => {
  it("escapes every interpolation, joins arrays and leaves nested html as is", () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(`<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>`);
    expect(html`<ul>${["a<", "b"].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe("<ul><li>a&lt;</li><li>b</li></ul>");
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
  });

  it("escapes a 1 MB string of < in linear time", () => {
    const started = performance.now();
    expect(escape("<".repeat(1_000_000)).length).toBe(4_000_000);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("withholds counts under 5 and never draws them", () => {
    expect([cell(MIN_CELL - 1), cell(MIN_CELL), cell(0)]).toEqual([null, 5, null]);
    const svg = barChart("Verdicts", [{ label: "Allowed", value: 7 }, { label: "Prohibited", value: null }]).value;
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain("fewer than 5");
    const columns = columnChart("Weeks", ["2026-03-02", "2026-03-09"], [{ label: "3. Conflicts <b>", values: [6, null] }]).value;
    expect(columns.match(/<\/title><\/rect>/g)).toHaveLength(1); // one drawn value; the other rect is the legend swatch
    expect(columns).toContain("3. Conflicts &lt;b&gt;");
    expect(columns).not.toContain("<script");
  });

  it("writes CSV that a spreadsheet will not execute", () => {
    expect(toCsv([["a,b", 'say "hi"', "=HYPERLINK(1)", "plain"]])).toBe(`"a,b","say ""hi""",'=HYPERLINK(1),plain\r\n`);
  });
});
