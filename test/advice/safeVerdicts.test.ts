import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prohibitedActIn } from "../../src/core/advice/acts.ts";
import { amountIn, readValue } from "../../src/core/advice/amount.ts";
import { readIntent } from "../../src/core/advice/intent.ts";
import { valuesSchema } from "../../src/core/policy/values.ts";
import { ROOT, shippedAdvisor } from "./support.ts";

const conduct = (args: string[], input?: string) =>
  spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });

describe("amounts a question names", () => {
  it("reads dollars, thousands and words, and keeps the largest", () => {
    expect(amountIn("a $15 mug")).toBe(15);
    expect(amountIn("a $2,000 visa card")).toBe(2000);
    expect(amountIn("like 900 bucks")).toBe(900);
    expect(amountIn("about 20 grand")).toBe(20_000);
    expect(amountIn("a $1.5k watch")).toBe(1500);
    expect(amountIn("fifty bucks of coffee")).toBe(50);
    expect(amountIn("is the limit $20 or $25")).toBe(25);
    expect(amountIn("8% of a machine shop, 3 people")).toBeUndefined();
  });

  it("reads euros, pounds and their slang, whichever side the currency is on", () => {
    expect(amountIn("€2,000 towards my wedding")).toBe(2000);
    expect(amountIn("a £400 voucher")).toBe(400);
    expect(amountIn("a 200 euro bottle")).toBe(200);
    expect(amountIn("about 30 quid")).toBe(30);
    expect(amountIn("worth like 3 pounds")).toBe(3);
    expect(amountIn("EUR 150 per year")).toBe(150);
    expect(amountIn("a tenner's worth of sweets")).toBe(10);
    expect(amountIn("a couple hundred dollars cash")).toBe(200);
    expect(amountIn("£2k")).toBe(2000);
    expect(amountIn("a score of people came")).toBeUndefined();
    expect(amountIn("a 401k loan")).toBeUndefined();
  });

  it("answers by the thresholds: nominal, in between (the topic's own verdict), significant, and a cash word whatever the amount", () => {
    const values = valuesSchema.parse({ nominal: { up_to: 50, verdict: "allowed", words: ["mug"] }, significant: { from: 250, verdict: "prohibited", words: ["cash"] } });
    const words = (q: string) => (phrases: readonly string[]) => phrases.find((p) => q.includes(p));
    const read = (q: string) => readValue(q, values, words(q))?.verdict;
    expect(read("a $15 pen")).toBe("allowed");
    expect(read("a mug")).toBe("allowed");
    expect(read("a $150 gift card")).toBeUndefined();
    expect(read("a $500 gift card")).toBe("prohibited");
    expect(read("$40 in cash")).toBe("prohibited");
    expect(() => valuesSchema.parse({ nominal: { up_to: 300, verdict: "allowed" }, significant: { from: 250, verdict: "prohibited" } })).toThrow(/below/);
  });
});

describe("prohibited acts told in everyday words", () => {
  const act = (q: string) => prohibitedActIn(q.toLowerCase())?.words;
  it("finds a disguised cost, an inflated invoice, money back, cash gifts, diverted customers, harassment, others' logins, searches, weapons, retaliation", () => {
    expect(act("can i book the dinner as training fees when it's really a party")).toBeDefined();
    expect(act("put the lunch through as software so it doesnt hit the budget")).toBeDefined();
    expect(act("he can bump his invoice by 10%")).toBeDefined();
    expect(act("and send the extra back to me personally")).toBeDefined();
    expect(act("a vendor offered me a $50 amazon card")).toBeDefined();
    expect(act("can i send him the customers we turn away")).toBeDefined();
    expect(act("he keeps making comments about a new hire's body")).toBeDefined();
    expect(act("he is letting a contractor use his login")).toBeDefined();
    expect(act("can i look through her bag")).toBeDefined();
    expect(act("can i keep a handgun in my car")).toBeDefined();
    expect(act("the guy who filed a complaint about me, can i drop him from the rota")).toBeDefined();
    expect(act("can i put last month's date on the timesheet")).toBeDefined();
    expect(act("an interview at a competitor, can i bring some samples of my work")).toBeDefined();
    expect(act("can i put campaign posters up in the canteen")).toBeDefined();
    expect(act("can i sell my shares before the results come out")).toBeDefined();
    expect(act("can i interview my cousin for the driver role")).toBeDefined();
    expect(act("a manager keeps saying he won't hire women as drivers")).toBeDefined();
    expect(act("i designed a new valve at work, can i patent it myself")).toBeDefined();
    expect(act("can i just fill the log in now with normal numbers")).toBeDefined();
  });
  it("reads questions asked after the act, and whether one must go along", () => {
    expect(readIntent("After a few beers I talked about the launch. Did I break the rules?").afterTheFact).toBe(true);
    expect(readIntent("HR asked me to sit for an interview. Do I have to?").asksObligation).toBe(true);
    expect(readIntent("they want to check my bag, can i say no").asksObligation).toBe(false);
    expect(readIntent("a supplier offered me a £50 amazon card")).toMatchObject({ amount: 50, cashLike: true, offeredToMe: true });
    expect(readIntent("got a pen from a vendor at the expo").offeredToMe).toBe(true);
    expect(readIntent("can i give a customs officer $50").offeredToMe).toBe(false);
    expect(readIntent("pretty sure a guy on my shift is sharing his login. do i have to say something?").witnessed).toBe(true);
    expect(readIntent("I own 5% of a supplier, do I have to tell anyone?").witnessed).toBe(false);
  });
  it("leaves approvable and ordinary things alone", () => {
    expect(act("can i expense the team dinner")).toBeUndefined();
    expect(act("can we give them our packaging business")).toBeUndefined();
    expect(act("i saw my coworker taking cash from the register")).toBeUndefined();
    expect(act("can we raise our prices by 10%")).toBeUndefined();
    expect(act("my coworker shared her login with me")).toBeUndefined();
    expect(act("can i volunteer for a local candidate's campaign on saturdays")).toBeUndefined();
    expect(act("can i use the company email for our marketing campaign")).toBeUndefined();
    expect(act("can we hire my husband's electrical company")).toBeUndefined();
    expect(act("we want to hire more women engineers")).toBeUndefined();
  });
});

describe("safe verdicts and abstention, through `conduct ask --json`", () => {
  const ask = (questions: string[]) => {
    const run = conduct(["ask", "--json"], `${questions.join("\n")}\n`);
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { verdict: string; clauses: Array<{ id: string }>; answer: string });
  };

  it("a token gift and a large gift card get different answers, each naming the amount", () => {
    const [mug, card] = ask(["vendor sent me a $15 mug, can i keep it", "a supplier wants to give me a $600 gift card"]);
    expect(mug).toMatchObject({ verdict: "allowed", clauses: [expect.objectContaining({ id: "3(c)" })] });
    expect(mug!.answer).toContain("At $15 this is of nominal value");
    expect(card).toMatchObject({ verdict: "prohibited", clauses: [expect.objectContaining({ id: "3(c)" })] });
    expect(card!.answer).toContain("At $600 this is of significant value");
  });

  it("prohibited acts phrased innocently are prohibited, from the clause that prohibits them; someone else's are to be reported", () => {
    const [backdate, disguise, search, others] = ask([
      "my manager asked me to date the invoice for last month so it lands in the old quarter",
      "can i put the team dinner down as a training expense",
      "i think my teammate took my headphones, can i look through his bag while he is out",
      "i saw my coworker pocketing cash from the register",
    ]);
    expect(backdate).toMatchObject({ verdict: "prohibited" });
    expect(backdate!.clauses[0]!.id).toMatch(/^5/);
    expect(disguise).toMatchObject({ verdict: "prohibited" });
    expect(search!.verdict).not.toBe("allowed");
    expect(search!.clauses[0]!.id).toBe("14");
    expect(others).toMatchObject({ verdict: "report" });
  });

  it("asking what a rule means or covers gets guidance from its clause, not a ruling on an act", () => {
    const [insider, political, gifts] = ask(["what counts as insider trading", "Explain the rule on political contributions", "Can I accept a gift from a supplier?"]);
    expect([insider!.verdict, insider!.clauses[0]!.id]).toEqual(["guidance", "12"]); // was "prohibited"
    expect([political!.verdict, political!.clauses[0]!.id]).toEqual(["guidance", "6"]); // was "allowed"
    expect(gifts).toMatchObject({ verdict: "needs_approval" }); // a request for leave is still ruled on
  });

  it("someone else doing wrong, told in a casual opening and followed by the asker's own question, is to be reported", () => {
    const [books, supplies, owns] = ask([
      "what if the guy cooking the books is my own boss, who do i go to",
      "hey my coworker keeps taking supplies home, who should i talk to",
      "one of our directors owns a catering firm, marketing wants to hire them",
    ]);
    expect(books!.verdict).toBe("report"); // was "prohibited"
    expect(supplies!.verdict).toBe("report"); // was "needs_approval": the asker's "should" is no plan of the coworker's
    expect(owns!.verdict).toBe("needs_approval"); // another's plan is still an approval question
  });

  it("a named thing that mixes a Code word with others (a quoted title, capitalised words) does not make a Code question", () => {
    const [kitchen, supplier, committee] = ask([
      "who won the Conflict Kitchen cook-off",
      "Can I accept a gift card from Acme Supply Co?",
      "Can I take my concern about my boss to the Audit Committee?",
    ]);
    expect(kitchen!.verdict).toBe("out_of_scope"); // was "needs_approval", from the conflicts clause
    expect(supplier).toMatchObject({ verdict: "needs_approval", clauses: [expect.objectContaining({ id: "3(c)" })] });
    expect(committee!.verdict).not.toBe("out_of_scope"); // a name made of the Code's own words is kept
  });

  it("a party, a calendar or a game named with a Code word is not a Code question; a casual real one still is", () => {
    const [exchange, calendar, game, real] = ask([
      "who is running the gift exchange this year",
      "outlook shows a conflict on my calendar again, how do i clear it",
      "anyone up for board game night",
      "supplier wants to send me a gift basket, ok to keep",
    ]);
    expect([exchange!.verdict, calendar!.verdict, game!.verdict]).toEqual(["out_of_scope", "out_of_scope", "out_of_scope"]);
    expect(real!.verdict).not.toBe("out_of_scope");
    expect(real!.clauses[0]!.id).toBe("3(c)");
  });

  it("is the same advisor in process (the eval and the surfaces share it)", () => {
    expect(shippedAdvisor().advise("who is running the gift exchange this year").verdict).toBe("out_of_scope");
  });
});

describe("a benefit offered on condition of a business decision", () => {
  it("is a prohibited act, while a discount offered to win an order is not", async () => {
    const { prohibitedActIn } = await import("../../src/core/advice/acts.ts");
    expect(prohibitedActIn("could we cover the buyer's holiday so that he will award us the tender")?.words).toMatch(/so that he will award/);
    expect(prohibitedActIn("can i offer their head nurse a paid speaking slot if she recommends our pumps")).toBeDefined();
    expect(prohibitedActIn("can we offer the customer a discount if they switch to us")).toBeUndefined();
    expect(prohibitedActIn("can i buy the client lunch so they feel welcome")).toBeUndefined();
    expect(shippedAdvisor().advise("can i send the purchasing guy a nice watch so he picks our quote").verdict).toBe("prohibited");
  });
});

describe("working under the influence", () => {
  it("is a prohibited act, and someone else doing it is to be reported from the substance or safety rule", () => {
    expect(shippedAdvisor().advise("a colleague reeks of alcohol on the night shift, what do i do")).toMatchObject({ verdict: "report", clauses: expect.arrayContaining([expect.objectContaining({ id: "9" })]) });
    expect(shippedAdvisor().advise("a colleague reeks of alcohol on the night shift, what do i do").clauses[0]?.id).toBe("9");
  });
});
