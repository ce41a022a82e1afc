// "My cases", written once (src/interactions/caseLists.ts): the limit, the one extra row asked
// for to know whether more were left out, and the console's rendering of it.
import { describe, expect, it } from "vitest";
import type { CaseSummary, ReporterCaseSummary } from "../../src/core/cases/index.ts";
import { CASE_LIST_WORDS, listCases } from "../../src/interactions/caseLists.ts";
import { caseListText } from "../../src/surfaces/console/render/case.ts";

const handled = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ number: `C-2026-${String(i + 1).padStart(4, "0")}`, categoryLabel: "Fraud", status: "investigating", priority: "normal" }) as unknown as CaseSummary);
const reported = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ number: `C-2026-${String(i + 101).padStart(4, "0")}`, categoryLabel: "Fraud", status: "closed", outcome: "referred" }) as unknown as ReporterCaseSummary);

/** A cases core holding `h` handled cases and `r` reports, answering as the real one does: at most `limit`. */
function casesWith(h: number, r: number) {
  const asked: Array<number | undefined> = [];
  const cases = {
    listForHandler: async (_: string, o?: { limit?: number }) => (asked.push(o?.limit), handled(h).slice(0, o?.limit ?? h)),
    listForReporter: async (_: string, o?: { limit?: number }) => (asked.push(o?.limit), reported(r).slice(0, o?.limit ?? r)),
  };
  return { cases, asked };
}
const actor = { person: { id: "priya" } } as never;

describe("case lists", () => {
  it("shows at most the limit of each, asking the core for one more to know whether more were left out", async () => {
    const { cases, asked } = casesWith(12, 3);
    const list = await listCases(cases, actor, 10);
    expect(asked).toEqual([11, 11]);
    expect([list.handling.length, list.moreHandling, list.reported.length, list.moreReported]).toEqual([10, true, 3, false]);
    const text = caseListText(list);
    expect(text).toContain(`${CASE_LIST_WORDS.handling}:`);
    expect(text.match(/Only the newest 10 are shown\./g)).toHaveLength(1);
    expect(text).toContain("C-2026-0101 · Fraud · closed – referred elsewhere");
    expect(text).not.toContain("C-2026-0011");
  });

  it("a list exactly at the limit is not cut; none at all says so", async () => {
    const exact = await listCases(casesWith(10, 0).cases, actor, 10);
    expect([exact.handling.length, exact.moreHandling]).toEqual([10, false]);
    expect(caseListText(exact)).not.toContain("Only the newest");
    expect(caseListText(await listCases(casesWith(0, 0).cases, actor))).toBe("You have no cases.");
  });
});
