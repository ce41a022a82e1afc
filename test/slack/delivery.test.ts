import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { newTs } from "../support/slack.ts";
import { buttonsOf, click, dm, postsTo, startCompany, texts, type Company } from "./company.ts";

const REPORT = { what: "Cash was taken from the petty cash box. SECRET-DELIVERY", category: "company_property", mode: "anonymous" };

describe("Slack delivery of the outbox", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  const outboxRow = () => h.app.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "priya" } });
  const postsToPriya = () => h.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === dm("U0PRIYA"));

  it("retries a 429 from chat.postMessage after Retry-After and delivers once", async () => {
    expect((await h.app.cases.fileReport("alex", REPORT)).ok).toBe(true);
    h.slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 7 });

    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 1 }); // the reporter's receipt notice, after the handler's was refused
    const waiting = await outboxRow();
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toMatch(/^RetryLater: Slack rate limited/);
    expect(waiting.nextAttemptAt.getTime()).toBe(h.clock.now().getTime() + 7_000);

    h.clock.advance(6_000); // not yet
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });
    expect(postsToPriya()).toHaveLength(1);

    h.clock.advance(1_000);
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 1 });
    const posts = postsToPriya();
    expect(posts).toHaveLength(2);
    expect(posts.filter((c) => c.result?.ok)).toHaveLength(1);
    expect(posts[1]!.args.text).toBe("Case C-2026-0001 was assigned to you");
    expect(await outboxRow()).toMatchObject({ status: "sent", lastError: null });

    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 }); // delivered once
    expect(postsToPriya()).toHaveLength(2);
  });

  it("treats a 5xx as temporary and a Slack API error as a failure of that message", async () => {
    expect((await h.app.cases.fileReport("alex", REPORT)).ok).toBe(true);
    h.slack.failNext("conversations.open", { status: 503 });
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 }); // the reporter's receipt notice went; the handler's waits
    expect((await outboxRow()).lastError).toBe("RetryLater: Slack HTTP 503");
    h.clock.advance(5_000);
    h.slack.failNext("chat.postMessage", { status: 200, error: "invalid_blocks" });
    expect(await h.app.worker.tick()).toMatchObject({ sent: 0 });
    expect(await outboxRow()).toMatchObject({ status: "pending", lastError: "Error: Slack API error invalid_blocks" });
    h.clock.advance(5_000);
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });
  });

  it("publishes App Home with my requests, what waits for my approval, my reports and my cases", async () => {
    const filed = await h.app.cases.fileReport("alex", REPORT);
    expect(filed.ok).toBe(true);
    const requested = await h.app.approvals.request({ requesterId: "alex", topicId: "gifts", summary: "A bottle of wine from a supplier", details: { amount: 40, currency: "USD", giver: "Vineyard Ltd" } });
    expect(requested.kind).toBe("created");
    const reference = requested.kind === "created" ? requested.view.reference : "";

    const home = async (user: string) => {
      const before = h.slack.callsTo("views.publish").length;
      await h.sendEvent({ type: "app_home_opened", user, channel: dm(user), tab: "home", event_ts: newTs() });
      await h.slack.waitFor("views.publish", { count: before + 1 });
      const call = h.slack.callsTo("views.publish")[before]!;
      expect(call.args.user_id).toBe(user);
      return call.args.view as { type: string; blocks: any[] };
    };
    const headers = (view: { blocks: any[] }) => view.blocks.filter((b) => b.type === "header").map((b) => b.text.text);
    const sectionOf = (view: { blocks: any[] }, title: string) => {
      const start = view.blocks.findIndex((b) => b.type === "header" && b.text.text === title);
      const end = view.blocks.findIndex((b, i) => i > start && b.type === "header");
      return view.blocks.slice(start + 1, end < 0 ? undefined : end);
    };

    const alex = await home("U0ALEX");
    expect(alex.type).toBe("home");
    expect(headers(alex)).toEqual(expect.arrayContaining(["My requests", "Waiting for my approval", "My reports", "My cases"]));
    expect(JSON.stringify(sectionOf(alex, "My requests"))).toContain(reference);
    expect(buttonsOf(sectionOf(alex, "My requests")).map((b) => b.action_id)).toEqual(["approval.withdraw"]);
    expect(JSON.stringify(sectionOf(alex, "My reports"))).toContain("C-2026-0001");
    expect(buttonsOf(sectionOf(alex, "My reports")).map((b) => b.action_id)).toEqual(["case.reporter_view", "case.reporter_reply"]);
    expect(JSON.stringify(sectionOf(alex, "My cases"))).not.toContain("C-2026-0001");

    const priya = await home("U0PRIYA");
    expect(JSON.stringify(sectionOf(priya, "My cases"))).toContain("C-2026-0001");
    expect(JSON.stringify(sectionOf(priya, "My reports"))).not.toContain("C-2026-0001");
    expect(JSON.stringify(priya)).not.toContain("SECRET");
    const open = buttonsOf(sectionOf(priya, "My cases"));
    expect(open.map((b) => b.action_id)).toContain("case.acknowledge");

    const helen = await home("U0HELEN");
    expect(JSON.stringify(sectionOf(helen, "Waiting for my approval"))).toContain(reference);
    expect(buttonsOf(sectionOf(helen, "Waiting for my approval")).map((b) => b.text?.text)).toEqual(["Approve", "Decline", "Ask for info", "Delegate approvals"]);

    // After Priya acknowledges from her DM, her Home is published again, without the Acknowledge button.
    await h.app.worker.tick();
    const [assigned] = postsTo(h, dm("U0PRIYA"));
    const before = h.slack.callsTo("views.publish").length;
    await click(h, "U0PRIYA", assigned!, "case.acknowledge");
    await h.slack.waitFor("views.publish", { count: before + 1 });
    const again = h.slack.callsTo("views.publish").at(-1)!;
    expect(again.args.user_id).toBe("U0PRIYA");
    expect(buttonsOf(sectionOf(again.args.view, "My cases")).map((b) => b.action_id)).not.toContain("case.acknowledge");
    expect(texts(again)).toContain("acknowledged");
  });
});
