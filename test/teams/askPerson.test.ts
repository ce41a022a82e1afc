// "Ask a person" under an answer: who to ask comes from the directory and reaches only the asker.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { SENT_PRIVATELY } from "../../src/surfaces/teams/flows/askPerson.ts";
import { VERBS } from "../../src/surfaces/teams/verbs.ts";
import { ALICE, ALICE_CHAT, CHANNEL, TENANT_ID, cardAction, cardOf, cardTexts, startTeamsTestApp, warmUp, type TeamsTestApp } from "../support/teams.ts";

const DIRECTORY_FILE = new URL("./fixtures/directory.yaml", import.meta.url).pathname;
const aliceMember = { id: ALICE.id, name: ALICE.name, aadObjectId: ALICE.aadObjectId, email: "Alice@Example.com", userPrincipalName: "alice@example.com", tenantId: TENANT_ID, userRole: "user" };

describe("Teams: Ask a person", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("names the asker's supervisor and the officers, in the 1:1 chat, and links their Teams id by email", async () => {
    t = await startTeamsTestApp({ DIRECTORY_FILE });
    t.connector.members.set(ALICE.id, aliceMember);
    const res = await t.post(cardAction({ serviceUrl: t.connector.url, verb: VERBS.askPerson, data: { clauseId: "3(c)" } }));
    expect(res.status).toBe(200);
    expect((await res.json()).value).toBe(SENT_PRIVATELY);

    const sent = t.connector.sent(ALICE_CHAT);
    expect(sent).toHaveLength(1);
    const texts = cardTexts(cardOf(sent[0]!.body));
    expect(texts).toContain("**Routine questions about the Code:** your immediate supervisor, Dana Reyes (dana@example.com).");
    expect(texts.find((x) => x.includes("specific interpretation"))).toContain("Dana Reyes (dana@example.com), Omar Haddad (omar@example.com)");
    expect((await t.db.prisma.person.findUniqueOrThrow({ where: { id: "alice" } })).teamsId).toBe(ALICE.aadObjectId.toLowerCase());
  });

  it("from a channel, answers in the 1:1 chat only, and still works for someone the directory does not know", async () => {
    t = await startTeamsTestApp({ DIRECTORY_FILE });
    const channel = { isGroup: true, conversationType: "channel", tenantId: TENANT_ID, id: `${CHANNEL};messageid=1763950000001` };
    const res = await t.post(cardAction({ serviceUrl: t.connector.url, verb: VERBS.askPerson, data: { clauseId: "3(c)" }, conversation: channel }));
    expect((await res.json()).value).toBe(SENT_PRIVATELY);
    expect(t.connector.sent(channel.id)).toHaveLength(0);
    const inPrivate = t.connector.sent("a:created-0");
    expect(inPrivate).toHaveLength(1);
    const texts = cardTexts(cardOf(inPrivate[0]!.body));
    expect(texts.find((x) => x.startsWith("**Routine questions about the Code:**"))).toMatch(/I don't know who that is yet/);
    expect(texts.find((x) => x.includes("specific interpretation"))).toContain("Omar Haddad (omar@example.com)");
  });
});
