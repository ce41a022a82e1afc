import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { blockAction, dated, imMessage, people, slashCommand, typed, type InputState } from "../support/slack.ts";
import { buttonsOf, callsIn, clickForFilledModal, clickForModal, dm, postsTo, startCompany, submit, texts, type Company } from "./company.ts";

// Alex Romero asks about a gift; a gift needs the Board's approval (clause 3(c)): a majority of the
// Directors Helen Park, Victor Alvarez and Grace Liu.
const ALEX = "U0ALEX";
const HELEN = "U0HELEN";
const VICTOR = "U0VICTOR";
const GRACE = "U0GRACE";
const QUESTION = "Can I accept a $150 gift card from a vendor?";

const requestValues = (overrides: Record<string, InputState> = {}): Record<string, InputState> => ({
  summary: typed(QUESTION),
  amount: { type: "number_input", value: "150" },
  currency: typed("USD"),
  giver: typed("Acme Supplies <script>"),
  organisation: typed(null),
  date: { type: "datepicker", selected_date: null },
  endDate: { type: "datepicker", selected_date: null },
  involved: people(),
  ...overrides,
});


describe("Request approval in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  /** Alex asks, clicks Request approval under the answer, and sends the form. Returns the approvers' DMs. */
  async function requestFromAnswer(values = requestValues()) {
    await h.sendEvent(imMessage(ALEX, QUESTION));
    const [answer] = await h.slack.waitFor("chat.postMessage");
    const form = await clickForModal(h, ALEX, answer!, "ask.request_approval");
    const sent = await submit(h, ALEX, form, values);
    // The requester's copy is posted after the modal closes.
    if (!sent.body) await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(ALEX) && texts(c).includes("Sent.") });
    return { form, sent };
  }

  it("opens a form prefilled from the question and the topic", async () => {
    const { form } = await requestFromAnswer();
    expect(form).toMatchObject({ callback_id: "approval.request_form", title: { text: "Request approval" } });
    const json = JSON.stringify(form);
    expect(json).toContain("the Board of Directors");
    expect(json).toContain("3(c)");
    const block = (id: string) => form.blocks.find((b: any) => b.block_id === id);
    expect(block("summary").element.initial_value).toBe(QUESTION);
    expect(block("amount").element.initial_value).toBe("150");
    expect(block("currency").element.initial_value).toBe("USD");
    expect(block("giver").optional).toBe(false); // gifts require the giver
    expect(block("involved").element.type).toBe("multi_users_select");
  });

  it("routes to the approvers, records decisions, re-draws every approver's message and tells the requester; a late click is told who decided", async () => {
    const { sent } = await requestFromAnswer();
    expect(sent.body).toBeNull();
    const [request] = await h.app.db.prisma.approvalRequest.findMany();
    // The details are sealed in the row (content); the service reads them back.
    expect(request).toMatchObject({ topicId: "gifts", requesterId: "alex", status: "pending", details: null });
    expect((await h.app.approvals.get(request!.id, "alex"))?.details).toEqual({ amount: 150, currency: "USD", giver: "Acme Supplies <script>" });

    // The requester's copy, with Withdraw.
    const [copy] = await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(ALEX) && texts(c).includes("Sent.") });
    expect(buttonsOf(copy!.args.blocks).map((b) => b.action_id)).toEqual(["approval.withdraw"]);
    expect(texts(copy!)).toContain("Acme Supplies &lt;script&gt;"); // escaped
    expect(texts(copy!)).not.toContain("<script>");

    expect(await h.app.worker.tick()).toMatchObject({ sent: 3 });
    const [helen, victor, grace] = [HELEN, VICTOR, GRACE].map((u) => postsTo(h, dm(u))[0]!);
    for (const post of [helen, victor, grace]) {
      expect(buttonsOf(post!.args.blocks).map((b) => b.text?.text)).toEqual(["Approve", "Decline", "Ask for info"]);
      expect(texts(post!)).toContain("Alex Romero");
      expect(texts(post!)).toContain("150 USD");
    }

    // Helen approves with a condition and an expiry: her message loses its buttons at once.
    const approve = await clickForModal(h, HELEN, helen!, "approval.approve");
    expect(approve.callback_id).toBe("approval.decision_form");
    expect((await submit(h, HELEN, approve, { conditions: typed("Log it in the gifts register"), expiresOn: dated("2026-12-31") })).body).toBeNull();
    const [helenUpdate] = await h.slack.waitFor("chat.update", { where: (c) => c.args.channel === dm(HELEN) });
    expect(buttonsOf(helenUpdate!.args.blocks)).toEqual([]);
    expect(texts(helenUpdate!)).toContain("1 of 2 approvals");

    // An hour later Victor approves too: a majority. His submission arrives twice; it counts once.
    h.clock.advance(60 * 60_000);
    const victorForm = await clickForModal(h, VICTOR, victor!, "approval.approve");
    const first = await submit(h, VICTOR, victorForm, { conditions: typed(null) });
    const retry = await submit(h, VICTOR, victorForm, { conditions: typed(null) }, { viewId: first.viewId, retryNum: 1 });
    expect([first.body, retry.body]).toEqual([null, null]);
    expect(await h.app.db.prisma.approvalDecision.count()).toBe(2);
    expect((await h.app.db.prisma.approvalRequest.findFirstOrThrow()).status).toBe("approved");

    // Every approver's message, and the requester's copy, now say who decided, without buttons.
    for (const post of [helen, victor, grace, copy]) {
      const [latest] = await h.slack.waitFor("chat.update", {
        where: (c) => c.args.channel === post!.args.channel && c.args.ts === post!.result!.ts && texts(c).includes("Approved*"),
      });
      expect(buttonsOf(latest!.args.blocks)).toEqual([]);
      expect(texts(latest!)).toMatch(/Approved\* by Helen Park and Victor Alvarez/);
    }

    // The requester is told (outbox); Grace's message is re-drawn, not posted again.
    await h.app.worker.tick();
    const outcome = postsTo(h, dm(ALEX)).at(-1)!;
    expect(texts(outcome)).toMatch(/Your request AP-\d+ was approved/);
    expect(texts(outcome)).toContain("Log it in the gifts register");
    expect(texts(outcome)).toContain("Expires 2026-12-31");
    expect(postsTo(h, dm(GRACE))).toHaveLength(1);

    // Grace clicks Approve on her stale message: told in the modal who decided, nothing recorded.
    const late = await clickForModal(h, GRACE, grace!, "approval.approve");
    const told = (await submit(h, GRACE, late, { conditions: typed(null) })).body;
    expect(told.response_action).toBe("update");
    expect(JSON.stringify(told.view)).toContain("*Already decided by Helen Park and Victor Alvarez*");
    expect(JSON.stringify(told.view)).toContain("Nothing was recorded for you.");
    expect(await h.app.db.prisma.approvalDecision.count()).toBe(2);
    expect(h.slack.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("makes one request when the same submission is delivered twice", async () => {
    const { form, sent } = await requestFromAnswer();
    const again = await submit(h, ALEX, form, requestValues(), { viewId: sent.viewId, retryNum: 1 });
    expect(again.body).toBeNull();
    await h.slack.settle();
    expect(await h.app.db.prisma.approvalRequest.count()).toBe(1);
    expect(postsTo(h, dm(ALEX)).filter((c) => texts(c).includes("Approval request AP-"))).toHaveLength(1);
  });

  it("puts a missing required detail next to its field", async () => {
    const { sent } = await requestFromAnswer(requestValues({ giver: typed(null) }));
    expect(sent.body).toEqual({ response_action: "errors", errors: { giver: expect.stringContaining("giver") } });
    expect(await h.app.db.prisma.approvalRequest.count()).toBe(0);
  });

  it("asks for information, takes the requester's answer, and lets the requester withdraw", async () => {
    await requestFromAnswer();
    await h.app.worker.tick();
    const helen = postsTo(h, dm(HELEN))[0]!;
    const ask = await clickForModal(h, HELEN, helen, "approval.ask_info");
    expect((await submit(h, HELEN, ask, { question: typed("Is the vendor in an open tender with us?") })).body).toBeNull();
    await h.app.worker.tick();

    const question = postsTo(h, dm(ALEX)).at(-1)!;
    expect(texts(question)).toContain("Is the vendor in an open tender with us?");
    expect(buttonsOf(question.args.blocks).map((b) => b.action_id)).toEqual(["approval.answer", "approval.withdraw"]);
    const answerForm = await clickForFilledModal(h, ALEX, question, "approval.answer");
    expect(answerForm.callback_id).toBe("approval.answer_form");
    expect((await submit(h, ALEX, answerForm, { answer: typed("No, the tender closed last year.") })).body.response_action).toBe("update");
    await h.app.worker.tick();
    expect(texts(postsTo(h, dm(HELEN)).at(-1)!)).toContain("No, the tender closed last year.");

    const before = h.slack.callsTo("chat.update").length;
    const copy = postsTo(h, dm(ALEX)).find((c) => buttonsOf(c.args.blocks).some((b) => b.action_id === "approval.withdraw"))!;
    await h.sendForm(
      blockAction({
        user: ALEX,
        channel: dm(ALEX),
        messageTs: copy.result!.ts,
        button: buttonsOf(copy.args.blocks).find((b) => b.action_id === "approval.withdraw")!,
        blocks: copy.args.blocks,
        responseUrl: h.slack.responseUrl(),
      }),
    );
    await h.slack.waitFor("chat.update", { count: before + 1 });
    expect((await h.app.db.prisma.approvalRequest.findFirstOrThrow()).status).toBe("withdrawn");
    await h.app.worker.tick();
    for (const user of [HELEN, VICTOR, GRACE]) {
      const latest = callsIn(h, dm(user)).filter((c) => c.method === "chat.update").at(-1)!;
      expect(texts(latest)).toContain("Withdrawn");
      expect(buttonsOf(latest.args.blocks)).toEqual([]);
    }
  });

  it("reminds the approvers who have not decided, with the decision buttons", async () => {
    await requestFromAnswer();
    await h.app.worker.tick();
    h.clock.advance(2 * 24 * 60 * 60_000); // Monday → Wednesday: APPROVAL_REMIND_DAYS (2 business days)
    expect(await h.app.worker.tick()).toMatchObject({ jobs: 1, sent: 3 });
    for (const user of [HELEN, VICTOR, GRACE]) {
      const reminder = postsTo(h, dm(user)).at(-1)!;
      expect(texts(reminder)).toContain("Reminder");
      expect(buttonsOf(reminder.args.blocks).map((b) => b.action_id)).toEqual(["approval.approve", "approval.decline", "approval.ask_info"]);
    }
  });

  it("lists the person's requests and those waiting for them with `/conduct requests`", async () => {
    await requestFromAnswer();
    await h.app.worker.tick();
    await h.sendForm(slashCommand(HELEN, "C0GENERAL", "requests", h.slack.responseUrl("helen")));
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(texts(reply!)).toContain("Waiting for your decision");
    expect(texts(reply!)).toMatch(/AP-\d+/);
    expect(buttonsOf(reply!.args.blocks).map((b) => b.action_id)).toEqual(["approval.approve", "approval.decline", "approval.ask_info"]);

    await h.sendForm(slashCommand(ALEX, "C0GENERAL", "requests", h.slack.responseUrl("alex")));
    const [mine] = await h.slack.waitFor("response_url", { where: (c) => c.args._path === "/respond/alex" });
    expect(texts(mine!)).toMatch(/\*AP-\d+\* · Can I accept a \$150 gift card/);
    expect(texts(mine!)).toContain("Nothing is waiting for your decision");
  });
});
