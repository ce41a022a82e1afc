// The user stories, written once and run against every surface through its driver (driver.ts).
// Assertions are about what the person sees, in words any surface uses.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { CASE_NUMBER, REFERENCE, type Driver, type Surface } from "./driver.ts";
import { consoleSurface } from "./drivers/console.ts";
import { slackSurface } from "./drivers/slack.ts";
import { teamsSurface } from "./drivers/teams.ts";

const SURFACES: Surface[] = [slackSurface, teamsSurface, consoleSurface];

const GIFT_QUESTION = "Can I accept a gift from a supplier?";
const GIFT = { amount: 150, currency: "USD", giver: "Acme Supplies" };
const BOARD = ["Helen Park", "Victor Alvarez", "Grace Liu"];
const REPORT = { what: "My supervisor told me to book the same invoice twice. REPORT-TEXT-7731", category: "harassment_discrimination", mode: "anonymous" } as const;

describe.each(SURFACES)("$name", (surface) => {
  let d: Driver;
  beforeAll(async () => (await freshDatabase()).close()); // the migrated template, outside the first test's time
  beforeEach(async () => void (d = await surface.start()));
  afterEach(async () => d?.close());

  /** Alex asks about a gift and requests the Board's approval; returns the request's reference. */
  async function requestGiftApproval(): Promise<string> {
    const answer = await d.ask("alex", GIFT_QUESTION);
    expect(answer).toMatch(/approval/i);
    expect(answer).toContain("3(c)");
    expect(answer).toMatch(/Board of Directors/);
    const sent = await d.requestApproval("alex", GIFT);
    const reference = REFERENCE.exec(sent)?.[0];
    expect(reference, sent).toBeDefined();
    return reference!;
  }

  /** Alex files an anonymous report; Priya (the ethics officer) is told. Returns the case number. */
  async function fileAnonymousReport(): Promise<string> {
    const receipt = await d.fileReport("alex", REPORT);
    const caseNumber = CASE_NUMBER.exec(receipt)?.[0];
    expect(caseNumber, receipt).toBeDefined();
    const told = await d.inbox("priya");
    expect(told).toContain(caseNumber);
    expect(told).not.toMatch(/Alex|Romero|REPORT-TEXT/);
    return caseNumber!;
  }

  it("asks about a gift and requests approval: the request goes to every Board member", async () => {
    const reference = await requestGiftApproval();
    for (const director of ["helen", "victor", "grace"] as const) {
      const inbox = await d.inbox(director);
      expect(inbox).toContain(reference);
      expect(inbox).toContain("Alex Romero");
    }
  });

  it("the approvers decide and the requester learns the outcome", async () => {
    const reference = await requestGiftApproval();
    await d.inbox("helen");
    await d.inbox("victor");
    expect(await d.decide("helen", reference, { action: "approve" })).toMatch(/approv/i);
    expect(await d.inbox("alex")).not.toMatch(/was approved/i); // a majority of the Board is needed
    expect(await d.decide("victor", reference, { action: "approve" })).toMatch(/approved/i);
    const outcome = await d.inbox("alex");
    expect(outcome).toContain(reference);
    expect(outcome).toMatch(/was approved/i);
  });

  it("a late decision on a decided request is told who decided, and changes nothing", async () => {
    const reference = await requestGiftApproval();
    for (const director of ["helen", "victor", "grace"] as const) await d.inbox(director);
    await d.decide("helen", reference, { action: "approve" });
    await d.decide("victor", reference, { action: "approve" });
    const late = await d.decide("grace", reference, { action: "decline", reason: "Too generous" });
    expect(late).toMatch(/already decided by/i);
    for (const name of ["Helen Park", "Victor Alvarez"]) expect(late).toContain(name);
    const outcome = await d.inbox("alex");
    expect(outcome).toMatch(/was approved/i);
    expect(outcome).not.toMatch(/declined|Too generous/i);
  });

  it("files a confidential report: the answer names the case and where it went; the receipt carries its proof of filing", async () => {
    const filed = await d.fileReport("alex", { ...REPORT, mode: "confidential" });
    const caseNumber = CASE_NUMBER.exec(filed)?.[0];
    expect(filed).toContain(`Report filed: ${caseNumber}`);
    expect(filed).toContain("It went to the ethics officer.");
    expect([filed, await d.inbox("alex")].join("\n")).toMatch(/Proof of filing\W*[0-9a-f]{8}:[0-9a-f]{64}/);
  });

  it("files an anonymous report: the handler reads it without learning who reported", async () => {
    const caseNumber = await fileAnonymousReport();
    const opened = await d.openCase("priya", caseNumber);
    expect(opened).toContain("REPORT-TEXT-7731");
    expect(opened).toContain(`Reporter of ${caseNumber}`);
    expect(opened).not.toMatch(/Alex|Romero/);
    for (const outsider of ["helen", "grace"] as const) expect(await d.openCase(outsider, caseNumber)).not.toContain("REPORT-TEXT-7731");
  });

  it("handler and reporter exchange messages through the case", async () => {
    const caseNumber = await fileAnonymousReport();
    await d.replyToCase("priya", caseNumber, "Who else was there? HANDLER-MSG-1");
    const toReporter = await d.inbox("alex");
    expect(toReporter).not.toContain("HANDLER-MSG-1"); // notifications carry no case content
    if (d.privateUpdates) {
      // Anonymous, in an exportable chat: not even the case number; the update opens in a view.
      expect(toReporter).toContain("You have a private update");
      expect(toReporter).not.toContain(caseNumber);
    } else {
      expect(toReporter).toContain(`New message on ${caseNumber}`);
    }
    const seen = await d.openCase("alex", caseNumber);
    expect(seen).toContain("HANDLER-MSG-1");
    expect(seen).toContain("Priya Nair");

    await d.replyToCase("alex", caseNumber, "Only the two of us. REPORTER-REPLY-2");
    const toHandler = await d.inbox("priya");
    expect(toHandler).toContain(caseNumber);
    expect(toHandler).not.toMatch(/REPORTER-REPLY-2|Alex|Romero/);
    const thread = await d.openCase("priya", caseNumber);
    expect(thread).toContain("HANDLER-MSG-1");
    expect(thread).toContain("REPORTER-REPLY-2");
    expect(thread).not.toMatch(/Alex|Romero/);
  });

  it("a handler acknowledges and closes a case: each answer says what it did, the reporter is told, and nobody else can", async () => {
    const caseNumber = await fileAnonymousReport();
    expect(await d.acknowledge("helen", caseNumber)).toContain("No such case.");
    expect(await d.acknowledge("priya", caseNumber)).toContain(`${caseNumber} is acknowledged. The reporter has been told.`);
    const told = await d.inbox("alex");
    expect(told).toContain(d.privateUpdates ? "You have a private update" : `Your report ${caseNumber} is now acknowledged`);
    expect(await d.closeCase("priya", caseNumber, "unsubstantiated")).toContain(`${caseNumber} is closed – not substantiated. The reporter has been told.`);
    expect(await d.closeCase("priya", caseNumber, "referred")).toContain("The case is closed.");
  });

  it("shows a case's state, and a closed case's outcome, in the same words to its handler and its reporter", async () => {
    const caseNumber = await fileAnonymousReport();
    const state = (label: string) => new RegExp(`(?:Status\\W*|· )${label}(?![\\w–-]| –)`);
    expect(await d.openCase("priya", caseNumber)).toMatch(state("received"));
    await d.acknowledge("priya", caseNumber);
    expect(await d.openCase("priya", caseNumber)).toMatch(state("acknowledged"));
    await d.inbox("alex");
    expect(await d.openCase("alex", caseNumber)).toMatch(state("acknowledged"));
    await d.closeCase("priya", caseNumber, "referred");
    expect(await d.openCase("priya", caseNumber)).toMatch(state("closed – referred elsewhere"));
    await d.inbox("alex");
    expect(await d.openCase("alex", caseNumber)).toMatch(state("closed – referred elsewhere"));
  });

  it("says where a message on a case went, to its handler and to its reporter; an outsider's is not sent", async () => {
    const caseNumber = await fileAnonymousReport();
    const toReporter = await d.replyToCase("priya", caseNumber, "Which meetings?");
    expect(toReporter).toContain(`Sent to the reporter of ${caseNumber}.`);
    await d.inbox("alex");
    expect(await d.replyToCase("alex", caseNumber, "The Monday ones.")).toContain(`Sent to the handlers of ${caseNumber}.`);
    const outsider = await d.replyToCase("helen", caseNumber, "Let me in.");
    expect(outsider).toContain("No such case.");
    expect(outsider).not.toContain("Sent to");
  });

  it("lists approval requests: the approver sees what waits for them, the requester their own", async () => {
    const reference = await requestGiftApproval();
    await d.inbox("helen");
    const helen = await d.requests("helen");
    expect(helen).toContain("Waiting for your decision");
    expect(helen).toContain(reference);
    expect(helen).toContain("You have not requested any approvals.");
    const alex = await d.requests("alex");
    expect(alex).toContain("Nothing is waiting for your decision.");
    expect(alex).toContain(reference);
    expect(await d.requests("priya")).toContain("You have no approval requests, and none wait for your decision.");
  });

  it("👍/👎 on an answer counts once: a second vote on the same answer is not counted", async () => {
    await d.ask("alex", GIFT_QUESTION);
    expect(await d.feedback("alex", true)).toContain("Thanks, your feedback was counted. It is anonymous.");
    const again = await d.feedback("alex", false);
    expect(again).toContain("Feedback on this answer was already counted.");
    expect(again).not.toContain("Thanks, your feedback was counted");
    await d.ask("alex", GIFT_QUESTION);
    expect(await d.feedback("alex", false)).toContain("Thanks, your feedback was counted."); // another answer
  });

  it("an approver names a delegate until a day; the delegate is told, and stopping gives the approvals back", async () => {
    expect(await d.delegate("helen", { to: "helen" })).toContain("Choose someone other than yourself.");
    expect(await d.delegate("helen", { to: "priya", until: "2026-12-31" })).toContain("Priya Nair now decides your approvals for you until the end of 2026-12-31 (UTC). They were told.");
    expect(await d.inbox("priya")).toContain("Helen Park made you their delegate for approvals");
    expect(await d.delegate("helen", "stop")).toContain("You decide your approvals yourself again; your delegate no longer decides for you.");
  });

  // BOARD names the approvers every surface shows in the request it confirms.
  it("tells the requester who the request went to", async () => {
    await d.ask("alex", GIFT_QUESTION);
    const sent = await d.requestApproval("alex", GIFT);
    for (const name of BOARD) expect(sent).toContain(name);
  });
});
