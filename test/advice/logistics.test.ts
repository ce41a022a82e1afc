// The forms of a workplace-logistics question: a fact or a fix, not leave to do something.
import { describe, expect, it } from "vitest";
import { logisticsForm } from "../../src/core/advice/logistics.ts";

const CODE = new Set(["gift", "sale", "sales", "revenue", "compliance", "report", "audit", "payment"]);
const isCodeWord = (w: string) => CODE.has(w);
const KNOWN = new Set(["manager", "hr", "coworker", "intern"]);
const form = (q: string) => logisticsForm(q, { isCodeWord, isKnownWord: (w) => isCodeWord(w) || KNOWN.has(w) });

describe("logistics forms", () => {
  it("recognises choices, schedules, bookings, breakdowns, run-outs, opening hours, coverage and favours", () => {
    expect(form("should the committee meeting be 2pm or 3pm on thursday")).toBe(true);
    expect(form("should i send the deck as a pdf or pptx")).toBe(true);
    expect(form("which consultant is presenting first at the kickoff, alice or raj")).toBe(true);
    expect(form("the graphics are due monday, who's printing them")).toBe(true);
    expect(form("Can I reserve the lounge for my team's offsite?")).toBe(true);
    expect(form("can you move my catch up with my supervisor to 4pm")).toBe(true);
    expect(form("the search bar on the intranet is broken again")).toBe(true);
    expect(form("the dashboard isn't loading for me")).toBe(true);
    expect(form("the stock room is out of printer paper")).toBe(true);
    expect(form("is the drug store across the street open on sundays")).toBe(true);
    expect(form("What drugs are covered by our prescription plan?")).toBe(true);
    expect(form("anyone able to loan me a phone charger, mine died")).toBe(true);
    expect(form("Is the 'Ethics in AI' lunch-and-learn being recorded?")).toBe(true);
  });
  it("leaves permission and conduct questions alone", () => {
    expect(form("can i accept a gift or should i return it")).toBe(false);
    expect(form("can we book the sales for this quarter into last quarter")).toBe(false);
    expect(form("can we book the revenue for the quarter now")).toBe(false); // what is booked is a Code word
    expect(form("our plant is out of compliance with the permit")).toBe(false);
    expect(form("my coworker keeps taking laptops home")).toBe(false);
    expect(form("can i keep it or return it")).toBe(false);
    expect(form("should i tell my manager or hr")).toBe(false); // people the rules know
    expect(form("can we move the audit to friday so the sales look better")).toBe(false); // another word of the Code's
    expect(form("the register is out of money again and nobody filed a report")).toBe(false);
    expect(form("who is taking money from the petty cash box")).toBe(false);
    expect(form("can i take the gift tickets for friday or saturday")).toBe(false); // a choice of time, but about the gift
    expect(form("anyone going to the free golf day, is that allowed")).toBe(false);
    expect(form("the lock on the cash box is broken and $200 keeps going missing")).toBe(false);
    expect(form("the sales dashboard is broken, can i report the numbers by hand")).toBe(false);
  });
});
