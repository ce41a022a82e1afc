import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { globalShortcut, imMessage, people, person, slashCommand, typed } from "../support/slack.ts";
import {
  buttonsOf,
  callsIn,
  click,
  clickForFilledModal,
  clickForModal,
  dm,
  fileThroughSlack,
  nextUpdate,
  openReportForm,
  postsTo,
  REPORT_TEXT,
  reportValues,
  startCompany,
  submit,
  texts,
  type Company,
} from "./company.ts";

// Alex Romero (U0ALEX) reports; Priya Nair (U0PRIYA), the ethics officer, receives reports by default.
const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";

describe("Report a concern in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close()); // the migrated template, outside the first test's time
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("opens the report form with the shortcut's trigger_id before calling anything else", async () => {
    await h.sendForm(globalShortcut(ALEX, "report_concern"));
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.trigger_id).toMatch(/^13345224609\./);
    expect(h.slack.calls.map((c) => c.method).filter((m) => m !== "auth.test")[0]).toBe("views.open");
    const view = open!.args.view;
    expect(view).toMatchObject({ type: "modal", callback_id: "report.form", title: { text: "Report a concern" } });
    const inputs = Object.fromEntries(view.blocks.filter((b: any) => b.type === "input").map((b: any) => [b.block_id, b.element.type]));
    expect(inputs).toEqual({
      what: "plain_text_input",
      when: "plain_text_input",
      where: "plain_text_input",
      involved: "multi_users_select",
      category: "static_select",
      recipient: "static_select",
      director: "users_select",
      mode: "radio_buttons",
    });
    const recipient = view.blocks.find((b: any) => b.block_id === "recipient").element;
    expect(recipient.initial_option.text.text).toContain("ethics officer");
    expect(recipient.options.map((o: any) => o.text.text).join(" | ")).toMatch(/supervisor.*President.*Director.*Audit Committee/);
    const mode = view.blocks.find((b: any) => b.block_id === "mode").element;
    expect(mode.options.map((o: any) => o.value)).toEqual(["confidential", "anonymous"]);
    expect(mode.options.every((o: any) => o.description?.text)).toBe(true);
  });

  it("opens the same form from `/conduct report`", async () => {
    await h.sendForm(slashCommand(ALEX, "C0GENERAL", "report", h.slack.responseUrl()));
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.view.callback_id).toBe("report.form");
  });

  it("answers field errors next to their fields, files nothing and keeps the text in the form", async () => {
    const view = await openReportForm(h, ALEX);
    const answer = await submit(h, ALEX, view, reportValues({ what: typed("   "), category: { type: "static_select", selected_option: null } }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ response_action: "errors", errors: { what: "Describe what happened", category: "Choose what the report is about" } });
    expect(await h.app.db.prisma.reportCase.count()).toBe(0);
    expect(h.slack.callsTo("chat.postMessage")).toEqual([]);

    // The same form, corrected (same view id, as Slack keeps it), is filed.
    const again = await submit(h, ALEX, view, reportValues(), { viewId: answer.viewId });
    // Filed before Slack is answered: the answer is the confirmation.
    expect(again.body).toMatchObject({ response_action: "update", view: { title: { text: "Report filed" } } });
    expect(JSON.stringify(again.body.view)).toContain("Report filed: C-2026-0001");
    expect(await h.app.db.prisma.reportCase.count()).toBe(1);
  });

  /** Runs `work` while every transaction fails as if the database were unreachable. */
  const whileDatabaseDown = async <T>(work: () => Promise<T>): Promise<T> => {
    const prisma = h.app.db.prisma as unknown as Record<string, unknown>;
    const original = prisma.$transaction;
    prisma.$transaction = () => Promise.reject(new Error("connection refused"));
    try {
      return await work();
    } finally {
      prisma.$transaction = original;
    }
  };

  it("says the report was not saved when the database is unavailable, and gives the form back as typed", async () => {
    const view = await openReportForm(h, ALEX);
    const answer = await whileDatabaseDown(async () => {
      const submitted = await submit(h, ALEX, view, reportValues({ involved: people("U0LEE"), mode: { type: "radio_buttons", selected_option: { value: "confidential" } } }));
      expect(submitted.body.response_action).toBe("update"); // the form back, with the reason
      return submitted;
    });
    const form = answer.body.view;
    expect(form.callback_id).toBe("report.form");
    expect(JSON.stringify(form.blocks)).toContain("NOT saved");
    const element = (id: string) => form.blocks.find((b: any) => b.block_id === id).element;
    expect(element("what").initial_value).toBe(REPORT_TEXT);
    expect(element("when").initial_value).toBe("Last Friday SECRET-WHEN");
    expect(element("involved").initial_users).toEqual(["U0LEE"]);
    expect(element("mode").initial_option.value).toBe("confidential");
    expect(element("category").initial_option.value).toBe("harassment_discrimination");
    expect(await h.app.db.prisma.reportCase.count()).toBe(0);
    expect(await h.app.db.prisma.outboxMessage.count()).toBe(0);
    expect(h.slack.callsTo("chat.postMessage")).toEqual([]);
    expect(h.app.logs.join("\n")).not.toContain("SECRET");

    // Submitted again once the database is back, the same form files the report.
    const again = await submit(h, ALEX, form, reportValues(), { viewId: answer.viewId });
    expect(again.body).toMatchObject({ response_action: "update", view: { title: { text: "Report filed" } } });
    expect(await h.app.db.prisma.reportCase.count()).toBe(1);
  });

  it("files a form submitted twice (its first answer lost on the way, or both at once) once, and says so the second time", async () => {
    const view = await openReportForm(h, ALEX);
    const viewId = "V0TWICE";
    // Both at once, as when Slack's answer to the first was late and the person pressed Submit again.
    const [first, second] = await Promise.all([submit(h, ALEX, view, reportValues(), { viewId }), submit(h, ALEX, view, reportValues(), { viewId })]);
    const titles = [first, second].map((a) => JSON.stringify(a.body.view));
    expect(titles.filter((t) => t.includes("Report filed: C-2026-0001"))).toHaveLength(1);
    expect(titles.filter((t) => t.includes("This report was already filed. You find it, with its receipt, under your reports on my Home tab."))).toHaveLength(1);
    // And once more later: still one case, one receipt, one handler notice.
    const third = await submit(h, ALEX, view, reportValues(), { viewId });
    expect(JSON.stringify(third.body.view)).toContain("already filed");
    expect(await h.app.db.prisma.reportCase.count()).toBe(1);
    await h.app.worker.tick();
    await h.slack.settle(200);
    expect(postsTo(h, dm(ALEX)).map((c) => c.args.text)).toEqual(["You have a private update"]); // anonymous: the receipt, announced once
    expect(postsTo(h, dm(PRIYA))).toHaveLength(1);
  });

  it("tells an anonymous reporter who chose the supervisor they named where it went instead, naming no one", async () => {
    const receipt = await fileThroughSlack(h, ALEX, { involved: people("U0LEE"), recipient: { type: "static_select", selected_option: { value: "supervisor" } } });
    const receiptText = JSON.stringify(receipt.filed); // anonymous: the receipt lives in the filed form, not the DM
    expect(receiptText).toContain("It went to the next supervisor up your reporting line, not to your supervisor: your supervisor is named in it.");
    expect(receiptText).toContain("No one your report names receives it or can see it.");
    expect(receiptText).not.toMatch(/Lee|Jordan|a supervisor/);
    expect(receipt.args.text).toBe("You have a private update");
    expect((await h.app.db.prisma.reportCase.findFirstOrThrow()).routedTo).toBe("supervisor");
  });

  it("files an anonymous report: the receipt in the filed form, a neutral DM to the reporter, a content-free DM to the handler, content only in the Open modal", async () => {
    const receipt = await fileThroughSlack(h, ALEX, { involved: people("U0LEE") });
    expect(receipt.args.channel).toBe(dm(ALEX));
    const receiptText = JSON.stringify(receipt.filed);
    expect(receiptText).toContain("Report filed: C-2026-0001");
    expect(receiptText).toMatch(/Proof of filing:\* `[0-9a-f]{8}:[0-9a-f]{64}`/);
    const row = await h.app.db.prisma.reportCase.findFirstOrThrow();
    expect(receiptText).toContain(row.receiptDigest);
    expect(row).toMatchObject({ number: "C-2026-0001", mode: "anonymous", category: "harassment_discrimination" });
    expect(receipt.args.text).toBe("You have a private update");
    for (const secret of ["C-2026", row.receiptDigest, "SECRET"]) expect(texts(receipt)).not.toContain(secret);

    const [assigned] = postsTo(h, dm(PRIYA));
    expect(assigned!.args.text).toBe("Case C-2026-0001 was assigned to you");
    expect(buttonsOf(assigned!.args.blocks).map((b) => b.text?.text)).toEqual(["Open", "Acknowledge", "Message reporter", "Add internal note", "Reassign", "Close"]);
    const toPriya = JSON.stringify(callsIn(h, dm(PRIYA)));
    for (const secret of ["SECRET", "Alex", "Romero", "alex", ALEX, "Lee Jordan"]) expect(toPriya).not.toContain(secret);

    const updatesBefore = h.slack.callsTo("views.update").length;
    const loading = await clickForModal(h, PRIYA, assigned!, "case.open");
    expect(loading.title.text).toBe("Case C-2026-0001");
    const opened = JSON.stringify(await nextUpdate(h, updatesBefore));
    expect(opened).toContain("SECRET-WHAT-4471");
    expect(opened).toContain("Reporter of C-2026-0001");
    expect(opened).toContain("Lee Jordan"); // the person named as involved
    expect(opened).not.toMatch(/Alex|Romero/);
    const audit = await h.app.db.prisma.auditEntry.findMany({ where: { action: "case.viewed" } });
    expect(audit.map((a) => a.actor)).toEqual(["priya"]);

    // Someone who is not a handler gets "No such case.", never the content.
    expect(JSON.stringify(await clickForFilledModal(h, "U0KIM", assigned!, "case.open"))).toContain("No such case.");

    // Neither the text nor who reported is logged.
    const logs = h.app.logs.join("\n");
    expect(logs).not.toContain("SECRET");
    expect(logs).not.toContain(ALEX);
  });

  it("relays both ways for a confidential report: handler → reporter (New message, View, Reply) and reporter → handler", async () => {
    await fileThroughSlack(h, ALEX, { mode: { type: "radio_buttons", selected_option: { value: "confidential" } } });
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));

    // Priya writes to the reporter through the form.
    const form = await clickForModal(h, PRIYA, assigned!, "case.message_reporter");
    expect(form.callback_id).toBe("case.message_form");
    const sent = await submit(h, PRIYA, form, { text: typed("Can you tell us who else was there? HANDLER-MSG-1") });
    expect(sent.body.response_action).toBe("update");
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });

    const notice = postsTo(h, dm(ALEX)).at(-1)!;
    expect(notice.args.text).toBe("New message on C-2026-0001");
    expect(buttonsOf(notice.args.blocks).map((b) => b.text?.text)).toEqual(["View", "Reply"]);
    expect(texts(notice)).not.toContain("HANDLER-MSG-1"); // the text stays out of chat history

    const shown = JSON.stringify(await clickForFilledModal(h, ALEX, notice, "case.reporter_view"));
    expect(shown).toContain("HANDLER-MSG-1");
    expect(shown).toContain("Priya Nair");

    // Alex replies through the form; Priya is told, without the text.
    const reply = await clickForModal(h, ALEX, notice, "case.reporter_reply");
    expect((await submit(h, ALEX, reply, { text: typed("Only the two of us. REPORTER-REPLY-2") })).body.response_action).toBe("update");
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });
    const told = postsTo(h, dm(PRIYA)).at(-1)!;
    expect(told.args.text).toBe("The reporter wrote on case C-2026-0001");
    expect(texts(told)).not.toContain("REPORTER-REPLY-2");
    expect(JSON.stringify(await clickForFilledModal(h, PRIYA, told, "case.open"))).toContain("REPORTER-REPLY-2");
  });

  it("sends a reply typed in the receipt's thread to the handlers instead of answering it as a question", async () => {
    const receipt = await fileThroughSlack(h, ALEX, { mode: { type: "radio_buttons", selected_option: { value: "confidential" } } });
    const threadTs = receipt.result!.ts as string;
    await h.sendEvent(imMessage(ALEX, "Also: it happened again today. TYPED-REPLY-3", undefined, { thread_ts: threadTs }));
    const [ack] = await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.thread_ts === threadTs });
    expect(ack!.args.text).toBe("Sent to the handlers of C-2026-0001.");
    expect(texts(ack!)).not.toContain("stay in this workspace's message history"); // told once, on the receipt
    const messages = await h.app.db.prisma.caseMessage.findMany();
    expect(messages.map((m) => m.kind)).toEqual(["from_reporter"]);
    expect(messages[0]!.body).not.toContain("TYPED-REPLY-3"); // stored sealed
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage").filter((c) => texts(c).includes("You asked"))).toEqual([]);
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 }); // reporter replied (assigned went with the receipt)
  });

  it("files one case when Slack delivers the same submission twice (X-Slack-Retry-Num)", async () => {
    const view = await openReportForm(h, ALEX);
    const first = await submit(h, ALEX, view, reportValues());
    const retry = await submit(h, ALEX, view, reportValues(), { viewId: first.viewId, retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(first.body.response_action).toBe("update");
    expect(JSON.stringify(retry.body.view)).toContain("This report was already filed.");
    await h.app.worker.tick();
    await h.slack.settle();
    expect(await h.app.db.prisma.reportCase.count()).toBe(1);
    expect(postsTo(h, dm(ALEX))).toHaveLength(1);
  });

  it("lets a handler acknowledge and close; the reporter hears of each change", async () => {
    await fileThroughSlack(h, ALEX, { mode: { type: "radio_buttons", selected_option: { value: "confidential" } } });
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));
    await click(h, PRIYA, assigned!, "case.acknowledge");
    const [ephemeral] = await h.slack.waitFor("chat.postEphemeral");
    expect(ephemeral!.args).toMatchObject({ channel: dm(PRIYA), user: PRIYA });
    expect(ephemeral!.args.text).toContain("C-2026-0001 is acknowledged");

    const form = await clickForModal(h, PRIYA, assigned!, "case.close");
    expect((await submit(h, PRIYA, form, { outcome: { type: "static_select", selected_option: { value: "substantiated" } } })).body.response_action).toBe("update");
    expect((await h.app.db.prisma.reportCase.findFirstOrThrow()).status).toBe("closed");
    await h.app.worker.tick();
    const toAlex = postsTo(h, dm(ALEX)).map((c) => c.args.text);
    expect(toAlex).toContain("Your report C-2026-0001 is now acknowledged");
    expect(toAlex).toContain("Your report C-2026-0001 is now closed");
    expect(texts(postsTo(h, dm(ALEX)).at(-1)!)).toContain("The concern was substantiated.");

    // 30 days after closing, the reporter is asked about retaliation and answers No.
    h.clock.advance(30 * 24 * 60 * 60_000);
    await h.app.worker.tick();
    const checkin = postsTo(h, dm(ALEX)).at(-1)!;
    expect(checkin.args.text).toBe("A check-in about C-2026-0001");
    expect(buttonsOf(checkin.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ["case.checkin_yes", "C-2026-0001|30"],
      ["case.checkin_no", "C-2026-0001|30"],
    ]);
    await click(h, ALEX, checkin, "case.checkin_no");
    const [answered] = await h.slack.waitFor("chat.update", { where: (c) => c.args.channel === dm(ALEX) && c.args.ts === checkin.result!.ts });
    expect(texts(answered!)).toContain("you answered no");
    expect(buttonsOf(answered!.args.blocks)).toEqual([]);
    expect((await h.app.db.prisma.caseCheckin.findFirstOrThrow()).answer).toBe("no");
  });

  it("reassigns a case to another handler, never to the reporter", async () => {
    await fileThroughSlack(h, ALEX, { mode: { type: "radio_buttons", selected_option: { value: "confidential" } } });
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));

    const toReporter = await clickForModal(h, PRIYA, assigned!, "case.reassign");
    const refused = await submit(h, PRIYA, toReporter, { to: person(ALEX), stay: { type: "checkboxes", selected_options: [] } });
    expect(refused.body).toEqual({ response_action: "errors", errors: { to: "This person cannot be assigned to this case." } });

    const form = await clickForModal(h, PRIYA, assigned!, "case.reassign");
    expect((await submit(h, PRIYA, form, { to: person("U0SAMIRA"), stay: { type: "checkboxes", selected_options: [] } })).body.response_action).toBe("update");
    await h.app.worker.tick();
    expect(postsTo(h, dm("U0SAMIRA")).map((c) => c.args.text)).toEqual(["Case C-2026-0001 was assigned to you"]);
    expect(JSON.stringify(await clickForFilledModal(h, PRIYA, assigned!, "case.open"))).toContain("No such case.");
  });

  it("anonymous: reassigning to the reporter answers exactly as to anyone else; only the people named are refused, and each refusal is audited", async () => {
    await fileThroughSlack(h, ALEX, { involved: people("U0LEE") });
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm(PRIYA));
    const reassignTo = async (user: string) => {
      const form = await clickForModal(h, PRIYA, assigned!, "case.reassign");
      return (await submit(h, PRIYA, form, { to: person(user), stay: { type: "checkboxes", selected_options: [{ value: "stay" }] } })).body;
    };
    const toSamira = await reassignTo("U0SAMIRA");
    expect(toSamira).toMatchObject({ response_action: "update" });
    expect(await reassignTo(ALEX)).toEqual(toSamira);
    expect(await reassignTo("U0LEE")).toEqual({ response_action: "errors", errors: { to: "This person cannot be assigned to this case." } });
    const refused = await h.app.db.prisma.auditEntry.findMany({ where: { action: "case.reassign_refused" } });
    expect(refused.map((e) => [e.actor, e.details])).toEqual([["priya", {}]]);
    expect((await h.app.db.prisma.caseHandler.findMany({ where: { removedAt: null }, orderBy: { personId: "asc" } })).map((x) => x.personId)).toEqual(["alex", "priya", "samira"]);
  });
});
