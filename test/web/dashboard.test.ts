// The dashboard's aggregation rules on plain rows: its port (InsightReads) in memory.
import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { dashboardFor, type InsightReads } from "../../src/core/insights/dashboard.ts";
import { DEFAULT_CATEGORIES } from "../../src/core/cases/index.ts";

const DAY = 86_400_000;
const clock = manualClock("2026-06-15T12:00:00Z");
const document = { title: "Code", sections: [{ id: "3", title: "Conflicts of Interest", paragraphs: [], items: [] }], clauses: new Map() };
const person = (roles: string[]) => ({ id: "p", name: "P", email: "p@x", slackId: null, teamsId: null, supervisorId: null, roles });

function rows(cases: Array<{ filed: number; ackAfter: number | null }>): InsightReads {
  const at = (d: number) => new Date(clock.now().getTime() - d * DAY);
  return {
    askCountsSince: async () => [{ day: "2026-06-15", clauseId: "3(a)", verdict: "allowed", count: 4 }, { day: "2026-06-14", clauseId: "3(b)", verdict: "allowed", count: 3 }],
    feedbackCountsSince: async () => [],
    caseDatesSince: async () =>
      cases.map((c) => ({
        category: "accounting",
        filedAt: at(c.filed),
        acknowledgeBy: at(c.filed - 7),
        acknowledgedAt: c.ackAfter === null ? null : at(c.filed - c.ackAfter),
        feedbackBy: null,
        feedbackAt: null,
      })),
    approvalDatesSince: async () => [],
  };
}

const deps = (reads: InsightReads, roles: string[] = ["ethics_officer"]) => ({
  reads,
  directory: { get: async () => person(roles) } as never,
  document,
  categories: DEFAULT_CATEGORIES,
  clock,
});

describe("dashboard aggregates", () => {
  it("is for those who oversee the programme only", async () => {
    expect(await dashboardFor(deps(rows([]), []), "p")).toBeNull();
    expect(await dashboardFor(deps(rows([]), ["officer"]), "p")).toBeNull();
    expect(await dashboardFor(deps(rows([]), ["audit_committee"]), "p")).not.toBeNull();
  });

  it("sums clauses into sections and weeks, withholding cells under 5", async () => {
    const d = (await dashboardFor(deps(rows([])), "p"))!;
    expect(d.topSections).toEqual([{ label: "3. Conflicts of Interest", value: 7 }]);
    // 4 on Monday 15 June and 3 on Sunday 14 June fall in two weeks: both withheld.
    expect(d.questionsBySectionWeek[0]!.values.slice(-2)).toEqual([null, null]);
    expect(d.verdictMix.find((v) => v.label === "allowed")).toEqual({ label: "allowed", value: 7 });
  });

  it("medians need 5 cases, and a small late count withholds the on-time count too", async () => {
    const onTime = Array.from({ length: 6 }, (_, i) => ({ filed: 30 + i, ackAfter: 2 }));
    const d = (await dashboardFor(deps(rows([...onTime, { filed: 40, ackAfter: 9 }])), "p"))!;
    expect(d.deadlines[0]).toMatchObject({ cases: 7, medianDays: 2, onTime: null, late: null });
    const fewer = (await dashboardFor(deps(rows(onTime.slice(0, 4))), "p"))!;
    expect(fewer.deadlines[0]).toMatchObject({ cases: null, medianDays: null });
    const clean = (await dashboardFor(deps(rows(onTime)), "p"))!;
    expect(clean.deadlines[0]).toMatchObject({ cases: 6, medianDays: 2, onTime: 6, late: null });
    expect(clean.casesByCategoryMonth[0]!.label).toBe(DEFAULT_CATEGORIES.accounting.label);
  });
});
