import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { typed } from "../support/slack.ts";
import { homeSection, openHome, publishesFor, requestThroughSlack } from "./approvalSupport.ts";
import { buttonsOf, dm, fileThroughSlack, postsTo, startCompany, type Company } from "./company.ts";

const ALEX = "U0ALEX";
const HELEN = "U0HELEN";
const PRIYA = "U0PRIYA";
const GIFT = { summary: typed("Accept a hamper from a supplier & keep it"), amount: { type: "number_input" as const, value: "60" }, currency: typed("USD"), giver: typed("Acme <Supplies>") };

describe("App Home stays fresh in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("re-publishes an approver's Home when an approval request is delivered to them, not for a mere reminder", async () => {
    const opened = await openHome(h, HELEN);
    expect(JSON.stringify(homeSection(opened, "Waiting for my approval"))).toContain("Nothing is waiting for your decision");

    expect((await requestThroughSlack(h, ALEX, "gifts", GIFT)).body).toBeNull();
    expect(publishesFor(h, HELEN)).toHaveLength(1); // the request is not delivered yet

    await h.app.worker.tick();
    expect(postsTo(h, dm(HELEN))).toHaveLength(1);
    const homes = publishesFor(h, HELEN);
    expect(homes).toHaveLength(2);
    const waiting = homeSection(homes[1]!.args.view, "Waiting for my approval");
    const json = JSON.stringify(waiting);
    expect(json).toContain("Accept a hamper from a supplier &amp; keep it");
    expect(json).toContain("From Alex Romero");
    expect(json).not.toContain("Nothing is waiting");
    expect(buttonsOf(waiting).map((b) => b.action_id)).toEqual(["approval.approve", "approval.decline", "approval.ask_info", "approval.delegate"]);

    // A reminder changes nothing the Home lists: no views.publish for it.
    h.clock.set("2026-03-04T09:00:01Z");
    expect(await h.app.worker.tick()).toEqual({ jobs: 1, sent: 3 });
    expect(publishesFor(h, HELEN)).toHaveLength(2);
  });

  it("re-publishes a handler's Home when a case is assigned; a failed publish never re-sends the DM", async () => {
    await openHome(h, PRIYA);
    expect((await h.app.cases.fileReport("alex", { what: "Cash went missing. SECRET-HOME", category: "company_property", mode: "anonymous" })).ok).toBe(true);
    const number = (await h.app.db.prisma.reportCase.findFirstOrThrow()).number;

    await h.slack.settle(); // the reporter's own Home refresh after filing is done
    h.slack.failNext("views.publish", { status: 200, error: "internal_error" });
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 2 }); // hers and the reporter's (which changes no Home)
    expect(publishesFor(h, PRIYA).at(-1)!.result).toBeUndefined(); // Slack refused the publish
    expect(h.app.logs.some((line) => line.includes("could not refresh App Home"))).toBe(true);
    expect(postsTo(h, dm(PRIYA))).toHaveLength(1);
    expect(await h.app.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "priya" } })).toMatchObject({ status: "sent", lastError: null });
    expect(await h.app.worker.tick()).toEqual({ jobs: 0, sent: 0 });
    expect(postsTo(h, dm(PRIYA))).toHaveLength(1);

    // The next delivery that changes her lists publishes again: another case is assigned to her.
    await fileThroughSlack(h, "U0JAMIE");
    await h.app.worker.tick();
    const home = publishesFor(h, PRIYA).at(-1)!.args.view;
    const cases = JSON.stringify(homeSection(home, "My cases"));
    expect(cases).toContain(number);
    expect(cases).not.toContain("SECRET");
  });
});
