import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { typed } from "../support/slack.ts";
import { homeSection, publishesFor, requestThroughSlack } from "./approvalSupport.ts";
import { buttonsOf, clickForModal, dm, postsTo, startCompany, submit, texts, type Company } from "./company.ts";

// The clock starts on Monday 2026-03-02 09:00 UTC. APPROVAL_REMIND_DAYS = 2 and
// APPROVAL_ESCALATE_DAYS = 5 business days: a reminder on Wednesday, an escalation the next Monday.
const ALEX = "U0ALEX";
const LEE = "U0LEE"; // Alex's supervisor
const DANA = "U0DANA"; // Lee's supervisor: next up the chain
const PRIYA = "U0PRIYA"; // the ethics officer (approvals.escalate_to)
const DIRECTORS = ["U0HELEN", "U0VICTOR", "U0GRACE"];
const DECISION_BUTTONS = ["approval.approve", "approval.decline", "approval.ask_info"];

describe("Approval reminders and escalations in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("reminds the supervisor, then escalates to the next person up, who can decide from the DM", async () => {
    expect((await requestThroughSlack(h, ALEX, "company_property", { summary: typed("Take a company laptop home for the holidays") })).body).toBeNull();
    await h.app.worker.tick();
    expect(postsTo(h, dm(LEE))).toHaveLength(1);

    // Tuesday: nothing is due yet.
    h.clock.set("2026-03-03T09:00:00Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });

    // Wednesday: the reminder.
    h.clock.set("2026-03-04T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 1 });
    const reminder = postsTo(h, dm(LEE)).at(-1)!;
    expect(texts(reminder)).toMatch(/🔔 \*Reminder\*: AP-\d+ waits for your decision/);
    expect(texts(reminder)).toContain("Take a company laptop home for the holidays");
    expect(buttonsOf(reminder.args.blocks).map((b) => b.action_id)).toEqual(DECISION_BUTTONS);
    expect(postsTo(h, dm(DANA))).toEqual([]);

    // Friday is still inside the five business days; the weekend does not count.
    h.clock.set("2026-03-08T23:00:00Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });

    // Monday 09:00: the escalation. Dana becomes an approver too; Lee is told it is overdue.
    h.clock.set("2026-03-09T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 2 });
    const [escalated] = postsTo(h, dm(DANA));
    expect(texts(escalated!)).toContain("⏫ *Escalated to you*");
    expect(texts(escalated!)).toContain("Alex Romero");
    expect(buttonsOf(escalated!.args.blocks).map((b) => b.action_id)).toEqual(DECISION_BUTTONS);
    const overdue = postsTo(h, dm(LEE)).at(-1)!;
    expect(texts(overdue)).toContain("⏰ *Overdue*");
    expect(buttonsOf(overdue.args.blocks).map((b) => b.action_id)).toEqual(DECISION_BUTTONS);
    // Her App Home now lists it as waiting for her.
    const [danaHome] = publishesFor(h, DANA);
    expect(JSON.stringify(homeSection(danaHome!.args.view, "Waiting for my approval"))).toContain("Take a company laptop home for the holidays");
    const seats = await h.app.db.prisma.approvalSeat.findMany({ orderBy: { addedAt: "asc" } });
    expect(seats.map((s) => [s.personId, s.via])).toEqual([
      ["lee", "supervisor"],
      ["dana", "escalation"],
    ]);

    // Dana approves from her DM; every message of Lee's and Dana's is re-drawn without buttons.
    const form = await clickForModal(h, DANA, escalated!, "approval.approve");
    expect((await submit(h, DANA, form, { conditions: typed(null) })).body).toBeNull();
    expect((await h.app.db.prisma.approvalRequest.findFirstOrThrow()).status).toBe("approved");
    for (const post of [...postsTo(h, dm(LEE)), escalated!]) {
      const [update] = await h.slack.waitFor("chat.update", { where: (c) => c.args.channel === post.args.channel && c.args.ts === post.result!.ts && texts(c).includes("Approved*") });
      expect(buttonsOf(update!.args.blocks)).toEqual([]);
    }
    await h.app.worker.tick();
    expect(texts(postsTo(h, dm(ALEX)).at(-1)!)).toMatch(/Your request AP-\d+ was approved/);
    // The level-1 timers died with the decision: nothing more comes.
    h.clock.set("2026-03-20T09:00:00Z");
    const before = h.slack.callsTo("chat.postMessage").length;
    await h.app.worker.tick();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(before);
  });

  it("keeps an overdue Board request with the Board: the Directors are reminded, the ethics officer is alerted without buttons", async () => {
    const values = { summary: typed("Accept a €40 bottle of wine from a supplier"), amount: { type: "number_input" as const, value: "40" }, currency: typed("EUR"), giver: typed("Vineyard & Sons") };
    expect((await requestThroughSlack(h, ALEX, "gifts", values)).body).toBeNull();
    expect(await h.app.worker.tick()).toMatchObject({ sent: 3 });

    h.clock.set("2026-03-04T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 3 });
    for (const user of DIRECTORS) expect(texts(postsTo(h, dm(user)).at(-1)!)).toContain("Reminder");

    h.clock.set("2026-03-09T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 4 });
    for (const user of DIRECTORS) {
      const overdue = postsTo(h, dm(user)).at(-1)!;
      expect(texts(overdue)).toContain("⏰ *Overdue*");
      expect(buttonsOf(overdue.args.blocks).map((b) => b.action_id)).toEqual(DECISION_BUTTONS);
    }
    const [alert] = postsTo(h, dm(PRIYA));
    expect(texts(alert!)).toMatch(/⏫ \*AP-\d+ is overdue\*\\nIts approvers have not decided in time\./);
    expect(texts(alert!)).toContain("Vineyard &amp; Sons");
    expect(buttonsOf(alert!.args.blocks)).toEqual([]); // alerted, not an approver of a Board matter
    expect(await h.app.db.prisma.approvalSeat.count({ where: { personId: "priya" } })).toBe(0);
    expect(publishesFor(h, PRIYA)).toEqual([]); // an alert adds nothing to her App Home
  });
});
