// A Teams surface built without the report and approval cores keeps saying plainly that those
// flows are not switched on (nothing is sent to anyone), and has no notification channel.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { loadPolicy } from "../../src/core/policy/load.ts";
import { createLogger } from "../../src/log.ts";
import { createTeamsSurface } from "../../src/surfaces/teams/index.ts";
import { placeholderFlows } from "../../src/surfaces/teams/placeholders.ts";

describe("Teams: without the report and approval cores", () => {
  const policy = loadPolicy(resolve("policies/code-of-conduct.txt"), resolve("policies/code-of-conduct.rules.yaml"));

  it("the placeholder flows say they are not switched on and that nothing was sent", async () => {
    const flows = placeholderFlows(policy);
    const interaction = {} as never;
    expect(await flows.startReport(interaction, {})).toMatch(/not switched on yet.*Nothing has been sent/);
    expect(await flows.requestApproval(interaction, "gifts")).toMatch(/not switched on yet, so nothing has been sent/);
    expect(await flows.listRequests(interaction)).toMatch(/not switched on yet/);
  });

  it("has no notification channel", () => {
    const teams = createTeamsSurface({ logger: createLogger("silent"), data: {} as never, policy, advisor: createAdvisor(policy), credentials: {} });
    expect(teams.notifications).toBeUndefined();
  });
});
