// sendToPerson: the seam the outbox uses to reach someone's 1:1 chat outside a turn.
import { resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { loadPolicy } from "../../src/core/policy/load.ts";
import { createLogger } from "../../src/log.ts";
import { composeTeamsData } from "../../src/compose.ts";
import type { Database } from "../../src/store/db.ts";
import { teamsConversations } from "../../src/surfaces/teams/conversations.ts";
import { createTeamsSurface } from "../../src/surfaces/teams/index.ts";
import { freshDatabase } from "../support/db.ts";
import { startFakeConnector, type FakeConnector } from "../support/fakeConnector.ts";
import { ALICE, ALICE_CHAT, BOT, TENANT_ID, warmUp } from "../support/teams.ts";

describe("Teams: sendToPerson", () => {
  beforeAll(warmUp, 120_000);
  let db: Database | undefined;
  let connector: FakeConnector | undefined;
  afterEach(async () => {
    await db?.close();
    await connector?.close();
  });

  /** A local-mode surface on a fresh database, with Alice's 1:1 chat stored at `serviceUrl`. */
  async function surfaceWithAliceAt(serviceUrl: string) {
    db = await freshDatabase();
    const policy = loadPolicy(resolve("policies/code-of-conduct.txt"), resolve("policies/code-of-conduct.rules.yaml"));
    const teams = createTeamsSurface({ logger: createLogger("silent"), data: composeTeamsData(db.prisma), policy, advisor: createAdvisor(policy), credentials: {} });
    await teamsConversations(composeTeamsData(db.prisma).conversations).remember(ALICE.aadObjectId, {
      channelId: "msteams",
      serviceUrl,
      conversation: { id: ALICE_CHAT, conversationType: "personal", tenantId: TENANT_ID, isGroup: false, name: "" },
      bot: BOT,
      user: { id: ALICE.id, name: "", aadObjectId: ALICE.aadObjectId },
    });
    return teams;
  }

  it("posts to the stored 1:1 chat, and says false for someone never seen", async () => {
    const teams = await surfaceWithAliceAt((connector = await startFakeConnector()).url);

    expect(await teams.sendToPerson(ALICE.aadObjectId.toUpperCase(), "Your approval request was decided.")).toBe(true);
    const sent = connector.sent(ALICE_CHAT);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ type: "message", text: "Your approval request was decided.", from: { id: BOT.id } });

    expect(await teams.sendToPerson("11111111-2222-3333-4444-555555555555", "hello")).toBe(false);
    expect(connector.calls).toHaveLength(1);
  });

  it("never calls a serviceUrl that is not an allowed Bot Framework service, even one stored in the database", async () => {
    connector = await startFakeConnector();
    const teams = await surfaceWithAliceAt("https://collector.evil.example/");
    await expect(teams.sendToPerson(ALICE.aadObjectId, "Your approval request was decided.")).rejects.toMatchObject({ name: "ServiceUrlRefused" });
    expect(connector.calls).toHaveLength(0);
  });
});
