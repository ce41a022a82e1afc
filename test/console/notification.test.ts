// The console's /inbox lines: the core's notification wording (src/core/notifications/wording.ts)
// as plain text, with the console command to act on it. No database: payloads as the cores write them.
import { describe, expect, it } from "vitest";
import type { ReporterNotice } from "../../src/core/cases/index.ts";
import type { InboxItem } from "../../src/surfaces/console/deps.ts";
import { notificationText } from "../../src/surfaces/console/render/notification.ts";

const NAMES: Record<string, string> = { alex: "Alex Romero", grace: "Grace Liu", helen: "Helen Park" };
const nameOf = (id: string) => NAMES[id] ?? id;
const item = (kind: string, payload: Record<string, unknown>): InboxItem => ({ id: "n1", recipientId: "r", kind, payload, createdAt: new Date("2026-03-02T09:00:00Z") });
const text = (kind: string, payload: Record<string, unknown>) => notificationText(item(kind, payload), nameOf, () => null);
const reporter = (notice: ReporterNotice) => notificationText(item(notice.kind, {}), nameOf, () => notice);

const request = { requestId: "r1", number: 1, reference: "AP-1", topicId: "gifts", clauseId: "3(c)", summary: "Courtside tickets" };
const stage = { position: 0, of: 1, role: "board", rule: "majority" };

describe("console notifications", () => {
  it("tells a handler what happened to a case and how to open it", () => {
    expect(text("case.assigned", { caseId: "c", caseNumber: "C-2026-0001", priority: "high", reason: "routing" })).toBe(
      "Case C-2026-0001 was assigned to you.\n  High priority. Open it to read the report; opening is recorded in the case's audit trail.\n  Open it with /open C-2026-0001.",
    );
    expect(text("case.deadline_reminder", { caseId: "c", caseNumber: "C-2026-0001", deadline: "acknowledge", due: "2026-03-09T09:00:00Z" })).toBe(
      "Reminder: case C-2026-0001 needs acknowledgement.\n  Due 2026-03-09.\n  Open it with /open C-2026-0001.",
    );
    expect(text("case.deadline_missed", { caseId: "c", caseNumber: "C-2026-0001", deadline: "feedback", due: "2026-06-02T09:00:00Z" })).toBe(
      "Case C-2026-0001 missed its feedback to the reporter deadline.\n  It was due 2026-06-02 and has been escalated.",
    );
    expect(text("case.assigned", { caseNumber: "not a case" })).toBeNull();
  });

  it("tells the reporter with the console's commands, never a button the console does not have", () => {
    const message = reporter({ anonymous: false, kind: "case.reporter.message", caseNumber: "C-2026-0001", messageId: "m" });
    expect(message).toBe("New message on C-2026-0001.\n  A handler of your report wrote to you. Read it with /open C-2026-0001.");
    expect(reporter({ anonymous: false, kind: "case.reporter.retaliation_checkin", caseNumber: "C-2026-0001", day: 30 })).toBe(
      "A check-in about C-2026-0001.\n  It is 30 days since your report was closed. Since you reported, have you faced retaliation of any kind? Your answer goes only to the people handling your report.\n" +
        "  Retaliation is prohibited by the Code (section 1).\n  Tell the handlers with /reply C-2026-0001 <text>.",
    );
    expect(reporter({ anonymous: false, kind: "case.reporter.status_changed", caseNumber: "C-2026-0001", status: "investigating", outcome: null })).toBe("Your report C-2026-0001 is now being investigated.");
  });

  it("shows an approval's wording, the request, how it was decided and the command to act", () => {
    expect(text("approval.reminder", { request, stage, onBehalfOf: "helen", overdue: true })).toBe(
      "Overdue: AP-1 waits for your decision (as Helen Park's delegate).\n  AP-1 · Courtside tickets\n  Decide with /approve AP-1, /decline AP-1 <reason> or /ask-info AP-1 <question>.",
    );
    expect(text("approval.escalated", { request, stage, asApprover: false, reason: "overdue", onBehalfOf: null })).toBe(
      "AP-1 is overdue.\n  Its approvers have not decided in time.\n  AP-1 · Courtside tickets",
    );
    const decidedBy = [{ approverId: "grace", actorId: "grace", action: "approve", decidedAt: "2026-03-03T09:00:00Z" }];
    expect(text("approval.approved", { request, conditions: ["Declare them"], expiresOn: "2026-12-31", decidedBy })).toBe(
      "Your request AP-1 was approved.\n  AP-1 · Courtside tickets\n  Approved by Grace Liu.\n  Condition: Declare them\n  Expires 2026-12-31",
    );
    expect(text("approval.info_answered", { request, infoId: "i", askedById: "grace", answer: "The final.\nNext month." })).toBe(
      "The requester answered about AP-1.\n  The final.\n  Next month.\n  AP-1 · Courtside tickets\n  Decide with /approve AP-1, /decline AP-1 <reason> or /ask-info AP-1 <question>.",
    );
    expect(text("approval.delegated", { personId: "alex", until: "2026-04-01T00:00:00Z" })).toBe(
      "You are now a delegate.\n  Alex Romero made you their delegate for approvals until 2026-04-01. Their requests come to you too.",
    );
    expect(text("approval.nonsense", { request })).toBeNull();
  });
});
