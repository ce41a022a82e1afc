// Issue 14 item 13: workspace admins can export DMs (Slack exports), so for an anonymous report no
// message the bot sends the reporter names the case or any of its content. Driven through the real
// Bolt HTTP endpoint and the fake Slack; everything the reporter's DM received is collected.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { people, typed } from "../support/slack.ts";
import { buttonsOf, click, clickForFilledModal, clickForModal, clickInView, dm, fileThroughSlack, postsTo, REPORT_TEXT, startCompany, submit, type Company } from "./company.ts";

const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("An anonymous report leaves no trace in the reporter's Slack message history", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  /** Presses Open on a private-update DM; returns the filled modal and the id Slack gave it. */
  const openUpdate = async (user: string, post: Parameters<typeof click>[2]) => {
    const before = h.slack.callsTo("views.update").length;
    await click(h, user, post, "case.private_update");
    await h.slack.waitFor("views.update", { count: before + 1 });
    const filled = h.slack.callsTo("views.update")[before]!;
    return { view: filled.args.view as Record<string, any>, viewId: String(filled.args.view_id) };
  };

  it("files, acknowledges, relays both ways, closes and checks in: the DMs only say 'private update'; Open shows it", async () => {
    const first = await fileThroughSlack(h, ALEX, { involved: people("U0LEE") });
    const row = await h.app.db.prisma.reportCase.findFirstOrThrow();
    expect(JSON.stringify(first.filed)).toContain(row.receiptDigest); // the receipt lives in the filed form

    // The filing's private update shows the receipt in full.
    const filedUpdate = await openUpdate(ALEX, first);
    expect(filedUpdate.view.title.text).toBe("Private update");
    expect(JSON.stringify(filedUpdate.view)).toContain("Report filed: C-2026-0001");
    expect(JSON.stringify(filedUpdate.view)).toContain(row.receiptDigest);

    const [assigned] = postsTo(h, dm(PRIYA));
    await click(h, PRIYA, assigned!, "case.acknowledge");
    await h.slack.waitFor("chat.postEphemeral");
    const form = await clickForModal(h, PRIYA, assigned!, "case.message_reporter");
    await submit(h, PRIYA, form, { text: typed("Who else was there? HANDLER-MSG-1") });
    await h.app.worker.tick();

    // The handler's message: Open shows it, and Reply (pushed over the modal) answers it.
    const message = postsTo(h, dm(ALEX)).at(-1)!;
    expect(message.args.text).toBe("You have a private update");
    const update = await openUpdate(ALEX, message);
    expect(JSON.stringify(update.view)).toContain("HANDLER-MSG-1");
    expect(JSON.stringify(update.view)).toContain("New message on C-2026-0001");
    const pushes = h.slack.callsTo("views.push").length;
    await clickInView(h, ALEX, update.view, update.viewId, "case.reporter_reply");
    const [pushed] = await h.slack.waitFor("views.push", { count: pushes + 1 });
    expect((await submit(h, ALEX, pushed!.args.view, { text: typed("Only us two. REPORTER-REPLY-2") })).body.response_action).toBe("update");
    await h.app.worker.tick();
    expect(JSON.stringify(await clickForFilledModal(h, PRIYA, postsTo(h, dm(PRIYA)).at(-1)!, "case.open"))).toContain("REPORTER-REPLY-2");

    const close = await clickForModal(h, PRIYA, assigned!, "case.close");
    const outcomes = close.blocks.find((b: any) => b.block_id === "outcome").element.options;
    expect(outcomes.map((o: any) => o.text.text)).toEqual(["Substantiated", "Not substantiated", "Referred elsewhere"]); // as Teams' close form
    await submit(h, PRIYA, close, { outcome: { type: "static_select", selected_option: { value: "substantiated" } } });
    await h.app.worker.tick();
    const closed = await openUpdate(ALEX, postsTo(h, dm(ALEX)).at(-1)!);
    expect(JSON.stringify(closed.view)).toContain("Your report C-2026-0001 is now closed");
    expect(JSON.stringify(closed.view)).toContain("The concern was substantiated.");

    // The 30-day check-in is answered inside its private update; the answer replaces the modal.
    h.clock.advance(30 * 24 * 60 * 60_000);
    await h.app.worker.tick();
    const checkin = await openUpdate(ALEX, postsTo(h, dm(ALEX)).at(-1)!);
    expect(JSON.stringify(checkin.view)).toContain("A check-in about C-2026-0001");
    const updates = h.slack.callsTo("views.update").length;
    await clickInView(h, ALEX, checkin.view, checkin.viewId, "case.checkin_no");
    await h.slack.waitFor("views.update", { count: updates + 1 });
    const answered = h.slack.callsTo("views.update")[updates];
    expect(answered!.args.view_id).toBe(checkin.viewId);
    expect(JSON.stringify(answered!.args.view)).toContain("you answered no");
    expect((await h.app.db.prisma.caseCheckin.findFirstOrThrow()).answer).toBe("no");

    // Everything the reporter's DM received: five neutral notices, nothing else.
    await h.slack.settle();
    const toAlex = h.slack.calls.filter((c) => c.args.channel === dm(ALEX));
    expect(toAlex.map((c) => c.method)).toEqual(Array(5).fill("chat.postMessage"));
    for (const call of toAlex) {
      const all = JSON.stringify(call.args);
      for (const secret of ["C-2026", "Reporter of", row.receiptDigest, row.receiptDigest.split(":")[1]!, REPORT_TEXT, "SECRET", "HANDLER-MSG", "REPORTER-REPLY", "Lee", "Priya", "harassment", "closed", "check-in"]) {
        expect(all, `${secret} in ${all}`).not.toContain(secret);
      }
      expect(call.args.metadata).toBeUndefined();
      expect(call.args.text).toBe("You have a private update");
      expect(buttonsOf(call.args.blocks).map((b) => [b.action_id, UUID.test(b.value)])).toEqual([["case.private_update", true]]);
    }
    expect(h.app.logs.join("\n")).not.toContain("SECRET");
  });

  it("opens a private update only for its reporter: anyone else, or a forged id, gets the same answer and nothing of the case", async () => {
    const notice = await fileThroughSlack(h, ALEX);
    for (const user of ["U0KIM", PRIYA]) {
      const { view } = await openUpdate(user, notice);
      expect(JSON.stringify(view)).toContain("This update is no longer available.");
      expect(JSON.stringify(view)).not.toMatch(/C-2026|SECRET/);
    }
    const changed = JSON.parse(JSON.stringify(notice.args.blocks));
    changed.at(-1).elements[0].value = "00000000-0000-4000-8000-000000000000";
    const { view } = await openUpdate(ALEX, { ...notice, args: { ...notice.args, blocks: changed } });
    expect(JSON.stringify(view)).toContain("This update is no longer available.");
  });
});
