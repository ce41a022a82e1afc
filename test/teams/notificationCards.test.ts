import { describe, expect, it } from "vitest";
import { handlerNotificationCard } from "../../src/surfaces/teams/cards/notifications.ts";

const titles = (card: any) => card.actions.map((a: any) => a.title);

describe("Teams case notification cards", () => {
  it("offer Acknowledge before an acknowledgement deadline, not on a feedback deadline (the case is acknowledged by then)", () => {
    const due = "2026-06-03T09:00:00.000Z";
    const acknowledge = handlerNotificationCard("case.deadline_reminder", { caseNumber: "C-2026-0001", deadline: "acknowledge", due });
    const feedback = handlerNotificationCard("case.deadline_reminder", { caseNumber: "C-2026-0001", deadline: "feedback", due });
    expect(titles(acknowledge)).toEqual(["Open", "Acknowledge", "Message reporter", "Add note", "Reassign", "Close"]);
    expect(titles(feedback)).toEqual(["Open", "Message reporter", "Add note", "Reassign", "Close"]);
  });
});
