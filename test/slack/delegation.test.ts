import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { person, slashCommand, typed } from "../support/slack.ts";
import { clickInHomeForFilledModal, clickInHomeForModal, homeSection, openHome, publishesFor, requestThroughSlack } from "./approvalSupport.ts";
import { buttonsOf, dm, nextUpdate, postsTo, startCompany, submit, texts, type Company } from "./company.ts";

// Alex asks the Board (Helen, Victor, Grace; majority) about a gift. Helen is going away and lets
// Samira Patel (U0SAMIRA) decide for her until Friday.
const ALEX = "U0ALEX";
const HELEN = "U0HELEN";
const SAMIRA = "U0SAMIRA";
const isDelegate = (b: { action_id: string }) => b.action_id === "approval.delegate";

describe("Delegating approvals in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("names a delegate from App Home with a users picker; the delegate is told and decides for the approver", async () => {
    const values = { summary: typed("Accept concert tickets from a supplier"), amount: { type: "number_input" as const, value: "180" }, currency: typed("USD"), giver: typed("Acme Supplies") };
    expect((await requestThroughSlack(h, ALEX, "gifts", values)).body).toBeNull();
    await h.app.worker.tick();
    const helenDm = postsTo(h, dm(HELEN))[0]!;

    const home = await openHome(h, HELEN);
    const waiting = homeSection(home, "Waiting for my approval");
    expect(JSON.stringify(waiting)).toContain("Accept concert tickets from a supplier");
    expect(buttonsOf(waiting).find(isDelegate)?.text?.text).toBe("Delegate approvals");

    const form = await clickInHomeForFilledModal(h, HELEN, home, isDelegate);
    expect(form).toMatchObject({ callback_id: "approval.delegate_form", title: { text: "Delegate approvals" } });
    const inputs = Object.fromEntries(form.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element.type]));
    expect(inputs).toEqual({ delegate: "users_select", until: "datepicker" });

    // Nobody chosen, then herself: errors next to the picker, nothing saved.
    const none = await submit(h, HELEN, form, { delegate: { type: "users_select", selected_user: null }, until: { type: "datepicker", selected_date: null } });
    expect(none.body).toEqual({ response_action: "errors", errors: { delegate: "Choose who decides for you." } });
    const self = await submit(h, HELEN, form, { delegate: person(HELEN), until: { type: "datepicker", selected_date: null } }, { viewId: none.viewId });
    expect(self.body).toEqual({ response_action: "errors", errors: { delegate: "Choose someone other than yourself." } });
    const past = await submit(h, HELEN, form, { delegate: person(SAMIRA), until: { type: "datepicker", selected_date: "2026-03-01" } }, { viewId: none.viewId });
    expect(past.body).toEqual({ response_action: "errors", errors: { until: expect.stringContaining("future") } });
    expect(await h.app.db.prisma.approvalDelegate.count()).toBe(0);

    const homesBefore = publishesFor(h, HELEN).length;
    const done = await submit(h, HELEN, form, { delegate: person(SAMIRA), until: { type: "datepicker", selected_date: "2026-03-06" } }, { viewId: none.viewId });
    expect(done.body.response_action).toBe("update");
    expect(JSON.stringify(done.body.view)).toContain("Samira Patel now decides your approvals for you until the end of 2026-03-06 (UTC)");
    expect(await h.app.db.prisma.approvalDelegate.findFirstOrThrow()).toMatchObject({ personId: "helen", delegateId: "samira", until: new Date("2026-03-06T23:59:59.999Z") });

    // Helen's Home shows the delegation.
    await h.slack.waitFor("views.publish", { count: homesBefore + 1, where: (c) => c.args.user_id === HELEN });
    const helenHome = publishesFor(h, HELEN).at(-1)!.args.view;
    expect(JSON.stringify(homeSection(helenHome, "Waiting for my approval"))).toContain("🤝 Samira Patel decides your approvals for you until the end of 2026-03-06 (UTC).");
    expect(buttonsOf(homeSection(helenHome, "Waiting for my approval")).find(isDelegate)?.text?.text).toBe("Change delegate");

    // Samira is told in a DM, and her Home now lists Helen's request as hers to decide.
    await h.app.worker.tick();
    const [told] = postsTo(h, dm(SAMIRA));
    expect(texts(told!)).toContain("Helen Park made you their delegate for approvals until");
    const samiraHome = publishesFor(h, SAMIRA).at(-1)!.args.view;
    const samiraWaiting = homeSection(samiraHome, "Waiting for my approval");
    expect(JSON.stringify(samiraWaiting)).toContain("Accept concert tickets from a supplier");
    expect(JSON.stringify(samiraWaiting)).toContain("as Helen Park's delegate");

    // Samira approves from her Home, for Helen.
    const approve = await clickInHomeForModal(h, SAMIRA, samiraHome, (b) => b.action_id === "approval.approve");
    expect(JSON.parse(approve.private_metadata)).toMatchObject({ o: "helen", a: "approve" });
    expect((await submit(h, SAMIRA, approve, { conditions: typed(null) })).body).toBeNull();
    expect(await h.app.db.prisma.approvalDecision.findFirstOrThrow()).toMatchObject({ approverId: "helen", actorId: "samira", action: "approve" });
    // Helen's own DM about the request loses its buttons: her seat has decided.
    const [redrawn] = await h.slack.waitFor("chat.update", { where: (c) => c.args.channel === dm(HELEN) && c.args.ts === helenDm.result!.ts });
    expect(buttonsOf(redrawn!.args.blocks)).toEqual([]);
    expect(texts(redrawn!)).toContain("1 of 2 approvals");
  });

  it("opens the same form with `/conduct delegate`, showing the delegation in force, and stops it", async () => {
    expect((await h.app.approvals.setDelegate("helen", "samira")).kind).toBe("set");
    const before = h.slack.callsTo("views.update").length;
    await h.sendForm(slashCommand(HELEN, "C0GENERAL", "delegate", h.slack.responseUrl()));
    const [opened] = await h.slack.waitFor("views.open");
    expect(opened!.args.trigger_id).toMatch(/^13345224609\./);
    const form = await nextUpdate(h, before);
    expect(form.callback_id).toBe("approval.delegate_form");
    expect(JSON.stringify(form)).toContain("Now: 🤝 Samira Patel decides your approvals for you until you stop it.");
    expect(form.blocks.find((b: any) => b.block_id === "delegate").optional).toBe(true);

    const stopped = await submit(h, HELEN, form, {
      delegate: { type: "users_select", selected_user: null },
      until: { type: "datepicker", selected_date: null },
      stop: { type: "checkboxes", selected_options: [{ value: "stop" }] },
    });
    expect(stopped.body.response_action).toBe("update");
    expect(JSON.stringify(stopped.body.view)).toContain("You decide your approvals yourself again");
    expect(await h.app.db.prisma.approvalDelegate.count()).toBe(0);
  });

  it("says 'not saved' when the database fails while identifying who submitted the form, and saves nothing", async () => {
    await h.sendForm(slashCommand(HELEN, "C0GENERAL", "delegate", h.slack.responseUrl()));
    await h.slack.waitFor("views.open");
    const form = await nextUpdate(h, 0);
    const directory = h.app.directory as unknown as Record<string, unknown>;
    const original = directory.resolveOrEnrol;
    directory.resolveOrEnrol = () => Promise.reject(new Error("connection refused"));
    let down;
    try {
      down = await submit(h, HELEN, form, { delegate: person(SAMIRA), until: { type: "datepicker", selected_date: null } });
    } finally {
      directory.resolveOrEnrol = original;
    }
    expect(down.body).toEqual({ response_action: "errors", errors: { delegate: "Not saved: the service cannot reach its database right now. Please try again in a few minutes." } });
    expect(await h.app.db.prisma.approvalDelegate.count()).toBe(0);
    expect(h.app.logs.some((l) => l.includes("could not identify the person acting"))).toBe(true);

    // The same form, once the database is back, goes through.
    const again = await submit(h, HELEN, form, { delegate: person(SAMIRA), until: { type: "datepicker", selected_date: null } }, { viewId: down.viewId });
    expect(again.body.response_action).toBe("update");
    expect(await h.app.db.prisma.approvalDelegate.count()).toBe(1);
  });
});
