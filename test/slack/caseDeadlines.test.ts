import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { buttonsOf, click, dm, fileThroughSlack, postsTo, startCompany, texts, type Company } from "./company.ts";

// Alex files a report on Monday 2026-03-02 09:00 UTC; Priya Nair, the ethics officer, handles it.
// Acknowledge within 7 days (reminder 2 days before); feedback within 3 months (reminder 14 days
// before). A missed deadline goes to the next people the cases core escalates to: Priya already
// handles the case, so the Audit Committee (Victor Alvarez, Grace Liu).
const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";
const AUDIT_COMMITTEE = ["U0VICTOR", "U0GRACE"];
const HANDLER_BUTTONS = ["case.open", "case.acknowledge", "case.message_reporter", "case.add_note", "case.reassign", "case.close"];

describe("Case deadlines in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  const caseNumber = async () => (await h.app.db.prisma.reportCase.findFirstOrThrow()).number;
  const handlerIds = async () => (await h.app.db.prisma.caseHandler.findMany({ orderBy: { personId: "asc" } })).map((x) => [x.personId, x.reason]);

  it("reminds the handler to acknowledge, then escalates a missed acknowledgement to the Audit Committee", async () => {
    await fileThroughSlack(h, ALEX);
    const number = await caseNumber();
    await h.app.worker.tick();
    expect(postsTo(h, dm(PRIYA)).map((c) => c.args.text)).toEqual([`Case ${number} was assigned to you`]);

    // Five days later: not yet.
    h.clock.set("2026-03-07T08:59:00Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });

    // Two days before the 7-day deadline: the reminder, with the case buttons and the due date.
    h.clock.set("2026-03-07T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 1 });
    const reminder = postsTo(h, dm(PRIYA)).at(-1)!;
    expect(reminder.args.text).toBe(`Reminder: case ${number} needs acknowledgement`);
    expect(texts(reminder)).toContain("2026-03-09 09:00 UTC");
    expect(buttonsOf(reminder.args.blocks).map((b) => b.action_id)).toEqual(HANDLER_BUTTONS);
    expect(texts(reminder)).not.toContain("SECRET");

    // The deadline passes: Priya is told it was missed; the Audit Committee become handlers and are told.
    h.clock.set("2026-03-09T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 3 });
    expect(postsTo(h, dm(PRIYA)).at(-1)!.args.text).toBe(`Case ${number} missed its acknowledgement deadline`);
    for (const user of AUDIT_COMMITTEE) {
      const [escalated] = postsTo(h, dm(user));
      expect(escalated!.args.text).toBe(`Case ${number} was escalated to you`);
      expect(texts(escalated!)).toContain("you are now one of its handlers");
      expect(buttonsOf(escalated!.args.blocks).map((b) => b.action_id)).toEqual(HANDLER_BUTTONS);
      expect(texts(escalated!)).not.toContain("SECRET");
    }
    expect(await handlerIds()).toEqual([
      ["grace", "escalation"],
      ["priya", expect.any(String)],
      ["victor", "escalation"],
    ]);

    // Victor acknowledges from the escalation DM.
    await click(h, "U0VICTOR", postsTo(h, dm("U0VICTOR"))[0]!, "case.acknowledge");
    await h.slack.waitFor("chat.postEphemeral", { where: (c) => c.args.user === "U0VICTOR" });
    expect((await h.app.db.prisma.reportCase.findFirstOrThrow()).status).toBe("acknowledged");
  });

  it("after an acknowledgement, reminds the handler of the 3-month feedback deadline and escalates it when missed", async () => {
    await fileThroughSlack(h, ALEX);
    const number = await caseNumber();
    await h.app.worker.tick();
    h.clock.set("2026-03-03T09:00:00Z");
    await click(h, PRIYA, postsTo(h, dm(PRIYA))[0]!, "case.acknowledge");
    await h.slack.waitFor("chat.postEphemeral", { where: (c) => c.args.user === PRIYA });
    const row = await h.app.db.prisma.reportCase.findFirstOrThrow();
    expect(row.status).toBe("acknowledged");
    expect(row.feedbackBy).toEqual(new Date("2026-06-03T09:00:00Z"));
    await h.app.worker.tick(); // the reporter's status notice

    // No acknowledgement reminder any more.
    h.clock.set("2026-03-10T09:00:00Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });

    // 14 days before the feedback deadline.
    h.clock.set("2026-05-20T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 1 });
    const reminder = postsTo(h, dm(PRIYA)).at(-1)!;
    expect(reminder.args.text).toBe(`Reminder: case ${number} needs feedback to the reporter`);
    expect(texts(reminder)).toContain("2026-06-03 09:00 UTC");
    expect(buttonsOf(reminder.args.blocks).map((b) => b.text?.text)).toEqual(["Open", "Message reporter", "Add internal note", "Reassign", "Close"]); // acknowledged already

    h.clock.set("2026-06-03T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 3 });
    expect(postsTo(h, dm(PRIYA)).at(-1)!.args.text).toBe(`Case ${number} missed its feedback to the reporter deadline`);
    for (const user of AUDIT_COMMITTEE) {
      const [escalated] = postsTo(h, dm(user));
      expect(escalated!.args.text).toBe(`Case ${number} was escalated to you`);
      expect(texts(escalated!)).toContain("feedback to the reporter deadline");
    }
    // Nothing about the deadlines reaches the reporter.
    expect(postsTo(h, dm(ALEX)).filter((c) => /deadline|escalat/i.test(texts(c)))).toEqual([]);
  });
});
