// The routing matrix on the example company (directory.example.yaml):
//   omar: President · dana (CFO), marcus (COO), samira (General Counsel) report to omar
//   priya: ethics officer, reports to samira · lee reports to dana · kim, alex report to lee
//   helen: Director (Chair) · victor, grace: Directors on the Audit Committee
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../../src/core/cases/categories.ts";
import { route } from "../../src/core/cases/routing.ts";
import { receiptRouteLines } from "../../src/core/notifications/wording.ts";
import type { RecipientKind } from "../../src/core/cases/types.ts";
import type { DirectoryService } from "../../src/core/directory/service.ts";
import { examplePeople, memoryExampleDirectory } from "./support.ts";

const NOT_SOX = DEFAULT_CATEGORIES.harassment_discrimination;
const SOX = DEFAULT_CATEGORIES.accounting;
const REPORTER = "kim"; // supervisor chain: lee → dana → omar

/** Who receives each choice when no one is implicated, and who takes over when one person is. */
const MATRIX: Record<RecipientKind, { nobody: string[]; ifImplicated: Record<string, string[]> }> = {
  ethics_officer: { nobody: ["priya"], ifImplicated: { priya: ["omar"] } },
  supervisor: { nobody: ["lee"], ifImplicated: { lee: ["dana"] } },
  president: { nobody: ["omar"], ifImplicated: { omar: ["grace", "victor"] } },
  director: { nobody: ["helen"], ifImplicated: { helen: ["grace", "victor"] } },
  audit_committee: { nobody: ["grace", "victor"], ifImplicated: { grace: ["victor"], victor: ["grace"] } },
};

describe("routing", () => {
  let directory: DirectoryService;
  beforeAll(async () => {
    directory = await memoryExampleDirectory();
  });

  const routeFor = (recipient: RecipientKind, involved: string[], extra: { reporterId?: string; directorId?: string; category?: typeof SOX } = {}) =>
    route(
      {
        recipient,
        directorId: recipient === "director" ? (extra.directorId ?? "helen") : null,
        category: extra.category ?? NOT_SOX,
        reporterId: extra.reporterId ?? REPORTER,
        involved,
      },
      directory,
    );

  const everyoneElse = examplePeople()
    .map((p) => String(p.id))
    .filter((id) => id !== REPORTER);

  for (const [recipient, expected] of Object.entries(MATRIX) as Array<[RecipientKind, (typeof MATRIX)[RecipientKind]]>) {
    it(`${recipient}: each implicated person in turn`, async () => {
      expect((await routeFor(recipient, [])).handlers).toEqual(expected.nobody);
      for (const implicated of everyoneElse) {
        const result = await routeFor(recipient, [implicated]);
        const want = expected.ifImplicated[implicated] ?? expected.nobody;
        expect({ implicated, handlers: result.handlers }).toEqual({ implicated, handlers: want });
        expect(result.handlers).not.toContain(implicated);
        expect(result.handlers).not.toContain(REPORTER);
        // The Audit Committee minus one member is still the Audit Committee.
        expect(result.rerouted).toBe(implicated in expected.ifImplicated && recipient !== "audit_committee");
      }
    });
  }

  it("goes up the supervisor chain, then President, Audit Committee, the Directors not involved", async () => {
    const steps: Array<[string[], string[], string | null]> = [
      [["lee"], ["dana"], "supervisor"],
      [["lee", "dana"], ["omar"], "supervisor"],
      [["lee", "dana", "omar"], ["grace", "victor"], "audit_committee"],
      [["lee", "dana", "omar", "grace"], ["victor"], "audit_committee"],
      [["lee", "dana", "omar", "grace", "victor"], ["helen"], "board"],
    ];
    for (const [involved, handlers, routedTo] of steps) {
      const result = await routeFor("supervisor", involved);
      expect({ involved, handlers: result.handlers, routedTo: result.routedTo }).toEqual({ involved, handlers, routedTo });
    }
  });

  it("routes nowhere when everyone who could receive it is implicated", async () => {
    const all = ["lee", "dana", "omar", "grace", "victor", "helen", "priya"];
    for (const recipient of Object.keys(MATRIX) as RecipientKind[]) {
      expect(await routeFor(recipient, all)).toEqual({ handlers: [], routedTo: null, rerouted: true, passedOver: "named", someLeftOut: false, auditCommitteeToo: false });
    }
  });

  it("never routes to the reporter: their own role is skipped", async () => {
    expect((await routeFor("ethics_officer", [], { reporterId: "priya" })).handlers).toEqual(["omar"]);
    expect((await routeFor("president", [], { reporterId: "omar" })).handlers).toEqual(["grace", "victor"]);
    expect((await routeFor("audit_committee", [], { reporterId: "victor" })).handlers).toEqual(["grace"]);
    expect((await routeFor("director", [], { reporterId: "helen" })).handlers).toEqual(["grace", "victor"]);
  });

  it("sends someone without a supervisor to the President", async () => {
    expect(await routeFor("supervisor", [], { reporterId: "helen" })).toEqual({ handlers: ["omar"], routedTo: "president", rerouted: true, passedOver: "none_on_file", someLeftOut: false, auditCommitteeToo: false });
  });

  it("says why the chosen recipient was passed over, and the receipt tells the reporter without naming anyone", async () => {
    const lines = async (recipient: RecipientKind, involved: string[], extra: Parameters<typeof routeFor>[2] = {}) => {
      const r = await routeFor(recipient, involved, extra);
      return receiptRouteLines({ routedTo: r.routedTo!, route: { chosen: recipient, passedOver: r.passedOver, someLeftOut: r.someLeftOut, auditCommitteeToo: r.auditCommitteeToo, namesPeople: involved.length > 0 } });
    };
    expect(await lines("supervisor", ["lee"])).toEqual([
      "It went to the next supervisor up your reporting line, not to your supervisor: your supervisor is named in it.",
      "No one your report names receives it or can see it.",
    ]);
    expect(await lines("supervisor", [])).toEqual(["It went to your supervisor."]);
    expect(await lines("supervisor", [], { reporterId: "helen" })).toEqual(["It went to the President, not to your supervisor: the directory lists no supervisor for you."]);
    expect(await lines("ethics_officer", [], { reporterId: "priya" })).toEqual(["It went to the President, not to the ethics officer: you are the ethics officer."]);
    expect(await lines("audit_committee", ["grace"])).toEqual(["It went to the Audit Committee, except those of them your report names.", "No one your report names receives it or can see it."]);
    expect(await lines("ethics_officer", [], { category: SOX })).toEqual([
      "It went to the ethics officer.",
      "The Audit Committee received it too, as it does every accounting, disclosure or insider-trading report.",
    ]);
    for (const text of [...(await lines("supervisor", ["lee"])), ...(await lines("president", ["omar"]))]) expect(text).not.toMatch(/Lee|Omar|Jordan|Haddad/);
  });

  it("always includes the Audit Committee members not involved for accounting, disclosure and insider trading", async () => {
    expect((await routeFor("supervisor", [], { category: SOX })).handlers).toEqual(["lee", "grace", "victor"]);
    expect((await routeFor("supervisor", ["grace"], { category: SOX })).handlers).toEqual(["lee", "victor"]);
    expect((await routeFor("director", [], { category: SOX, directorId: "victor" })).handlers).toEqual(["victor", "grace"]);
    expect((await routeFor("ethics_officer", ["grace", "victor"], { category: SOX })).handlers).toEqual(["priya"]);
    expect((await routeFor("audit_committee", ["grace", "victor"], { category: SOX })).handlers).toEqual(["helen"]);
    for (const category of ["accounting", "disclosure", "insider_trading"] as const) expect(DEFAULT_CATEGORIES[category].auditCommittee).toBe(true);
  });
});
