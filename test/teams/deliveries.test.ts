// Teams has no App Home: the ethics officer sees the count of undelivered messages on the welcome
// card (`help`), as Slack's App Home shows it; nobody else sees it.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cardOf, cardTexts, personalMessage, warmUp, type TeamsTestApp } from "../support/teams.ts";
import { chatOf, PEOPLE, startWithPeople, type Who } from "./support/people.ts";

describe("Teams: undelivered messages on the ethics officer's welcome card", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  /** Types `help` in their 1:1 chat and returns the texts of the card the bot answers with. */
  const help = async (who: Who): Promise<string[]> => {
    const before = t.connector.sent(chatOf(who)).length;
    const res = await t.post(personalMessage({ serviceUrl: t.connector.url, from: PEOPLE[who], conversationId: chatOf(who), text: "help" }));
    expect(res.status).toBe(200);
    const replies = t.connector.sent(chatOf(who)).slice(before).map((c) => c.body).filter((b) => b?.attachments?.length);
    expect(replies).toHaveLength(1);
    return cardTexts(cardOf(replies[0]));
  };

  it("shows the ethics officer how many messages could not be delivered, and where to look; shows others nothing of it", async () => {
    ({ t } = await startWithPeople("priya", "jamie"));
    expect(await help("priya")).toContain("✅ Every message the bot owes someone has been delivered.");

    // A notice the outbox gave up on (to someone on neither platform, say).
    await t.db.prisma.outboxMessage.create({
      data: { id: "m-failed-1", recipientId: "someone", kind: "case.handler.assigned", payload: {}, status: "failed", attempts: 50, nextAttemptAt: new Date(), createdAt: new Date() },
    });
    const texts = await help("priya");
    expect(texts[0]).toBe("Hi! I answer questions about the Code of Business Conduct.");
    expect(texts).toContain("⚠️ 1 message could not be delivered. **conduct outbox failed** lists them; **conduct outbox retry** sends them again.");

    const jamie = await help("jamie");
    expect(jamie.join("\n")).not.toMatch(/deliver/);
  });
});
