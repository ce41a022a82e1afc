import { describe, expect, it } from "vitest";
import { createAdvisor } from "../../src/core/advice/index.ts";
import type { Answer } from "../../src/core/advice/types.ts";
import { shippedAdvisor, shippedPolicy } from "./support.ts";

const advise = (q: string): Answer => shippedAdvisor().advise(q);
const ids = (a: Answer) => a.clauses.map((c) => c.id);
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z“"])/).filter(Boolean);

describe("createAdvisor(policy).advise", () => {
  it.each([
    ["allowed", "Am I allowed to knock on doors for a city council hopeful on my Sunday afternoons?", "6"],
    ["needs_approval", "Could I take the company's pressure washer home to clean my patio this weekend?", "4"],
    ["prohibited", "Would it be fine to post fake entries in the ledger so our numbers look better?", "5(b)"],
    ["guidance", "I can't tell if I may sell my company stock this month. Who should I check with first?", "12"],
    ["report", "A colleague keeps making sexual comments and touching my arm. What should I do?", "8(c)"],
  ] as const)("returns %s with the deciding clause first", (verdict, question, clause) => {
    const answer = advise(question);
    expect(answer.verdict).toBe(verdict);
    expect(answer.clauses[0]?.id).toBe(clause);
  });

  it("abstains on questions the Code does not cover, and says who to ask", () => {
    for (const q of ["What time does the shuttle leave for the train station?", "How do I add my newborn to my health insurance?", "My badge stopped working, who resets it?", "Where do I find the holiday schedule for next year?"]) {
      const answer = advise(q);
      expect(answer.verdict, q).toBe("out_of_scope");
      expect(answer.clauses).toEqual([]);
      expect(answer.approvers).toEqual([]);
      expect(answer.answer).toMatch(/does not cover/);
      expect(answer.answer).toMatch(/supervisor/);
    }
  });

  it("names every approver the Code requires, in the order the rules give", () => {
    const answer = advise("Can I give our packaging orders to a printing firm that my sister and I co-own?");
    expect(answer.clauses[0]?.id).toBe("3(e)");
    expect(answer.verdict).toBe("needs_approval");
    expect(answer.approvers).toEqual(["audit_committee", "board"]);
    expect(answer.answer).toMatch(/the Audit Committee and the Board of Directors/);
  });

  it("cites two clauses when two apply: misconduct against the asker is also a report under section 1", () => {
    const harassment = advise("My team leader keeps sending me unwanted sexual messages at night. What can I do?");
    expect(harassment.verdict).toBe("report");
    expect(ids(harassment).slice(0, 2)).toEqual(["8(c)", "1"]);

    const discrimination = advise("My supervisor mocks my accent and national origin in front of everyone. What should I do?");
    expect(discrimination.verdict).toBe("report");
    expect(ids(discrimination)[0]).toBe("8(a)");
    expect(ids(discrimination)).toContain("1");
  });

  it("keeps the verdict for the asker's own act when someone asks them to do it", () => {
    const answer = advise("My manager told me to backdate a shipping invoice. Is that OK?");
    expect(answer.verdict).toBe("prohibited");
    expect(ids(answer)[0]).toBe("5(b)");
  });

  it("handles negation: asking to NOT disclose still needs approval, and a negated cue does not count", () => {
    const hide = advise("Can I NOT disclose that I hold a big stake in one of our suppliers?");
    expect(hide.clauses[0]?.id).toBe("3(a)");
    expect(hide.verdict).toBe("needs_approval");
    expect(hide.answer).not.toMatch(/^Yes/);

    const confidential = advise("Can I not tell anyone and just share our secret formula with a prospective partner?");
    expect(confidential.clauses[0]?.id).toMatch(/^7/);
    expect(confidential.verdict).not.toBe("allowed");

    const personal = advise("I won't use any company money or company time. Can I volunteer for a candidate's campaign?");
    expect(personal.verdict).toBe("allowed");
    const corporate = advise("Can I use company money to buy a table at the senator's campaign dinner and volunteer there?");
    expect(corporate.verdict).toBe("prohibited");
  });

  it("matches paraphrase that shares no words with the Code", () => {
    expect(ids(advise("Can I accept courtside tickets from a supplier?"))[0]).toBe("3(c)");
    expect(ids(advise("Can I borrow the company truck to move house?"))[0]).toBe("4");
    expect(ids(advise("Can we book next quarter's sales now?"))[0]).toBe("5(b)");
  });

  it("generalises to everyday wording: family stakes, tipping, splitting invoices, unlisted traits, witnessed kickbacks", () => {
    const stake = advise("My uncle holds a big slice of a firm that supplies our resin. Do I have to disclose that?");
    expect(["3(a)", "3(e)"]).toContain(ids(stake)[0]);
    expect(stake.verdict).toBe("needs_approval");

    const tip = advise("Can I give my roommate a heads-up about the takeover so she can grab some shares?");
    expect([tip.verdict, ids(tip)[0]]).toEqual(["prohibited", "12"]);

    const split = advise("Can I ask the supplier for two smaller bills so each stays under my sign-off limit?");
    expect([split.verdict, ids(split)[0]]).toEqual(["prohibited", "5(c)"]);

    const trait = advise("Can we pass on an applicant because she just got married?");
    expect([trait.verdict, ids(trait)[0]]).toEqual(["prohibited", "8(a)"]);

    const witnessed = advise("I noticed a buyer taking kickbacks from a packaging supplier. How do I report it?");
    expect(witnessed.verdict).toBe("report");
    expect(ids(witnessed).slice(0, 2).sort()).toEqual(["1", "3(c)"]);
  });

  it("abstains on positive evidence that a question is out of scope, and falls back to a clause when an ethics term says it is not", () => {
    for (const q of ["Can I switch my dental plan in the middle of the year?", "Where do I pick up my new badge?", "Can I bring my bike into the building?"]) {
      expect(advise(q).verdict, q).toBe("out_of_scope");
    }
    const weak = advise("Is it wrong to fudge a few things for the new guy?");
    expect(weak.verdict).not.toBe("out_of_scope");
    expect(weak.clauses.length).toBeGreaterThan(0);
  });

  it("asks for a question when given nothing", () => {
    for (const q of ["", "   \n\t "]) {
      const answer = advise(q);
      expect(answer).toMatchObject({ verdict: "out_of_scope", clauses: [], approvers: [], notice: "empty" });
      expect(answer.answer).toMatch(/type a question/i);
    }
  });

  it("answers a 5,000-character question quickly, matching on its first 4,000 characters", () => {
    const filler = " I have been thinking about this for a while and want to do the right thing here.".repeat(60);
    const question = `A vendor offered me box seats and a weekend at his beach house.${filler}`.padEnd(5000, " and so on");
    expect(question.length).toBe(5000);
    const start = performance.now();
    const answer = advise(question);
    expect(performance.now() - start).toBeLessThan(200);
    expect(answer.notice).toBe("truncated");
    expect(answer.clauses[0]?.id).toBe("3(c)");
    expect(answer.question).toBe(question);
  });

  it("replies in English that it answers in English when the question is in another language", () => {
    for (const q of [
      "¿Puedo aceptar un regalo de un proveedor para mi familia?",
      "Est-ce que je peux accepter un cadeau d'un fournisseur pour les fêtes?",
      "Darf ich ein Geschenk von einem Lieferanten annehmen, wenn es teuer ist?",
      "我可以接受供应商的礼物吗？",
      "Могу ли я принять подарок от поставщика?",
    ]) {
      const answer = advise(q);
      expect(answer, q).toMatchObject({ verdict: "out_of_scope", notice: "not_english", clauses: [] });
      expect(answer.answer).toMatch(/only answer questions in English/);
    }
    expect(advise("Can I accept a gift basket from José, our supplier in Málaga?").notice).toBeUndefined();
  });

  it("writes two or three plain sentences that end with the next step", () => {
    const cases: Array<[string, RegExp]> = [
      ["Can we pour champagne in the office to celebrate the new contract?", /request approval from an executive officer/],
      ["Can I tell my brother to buy our stock before we announce the merger?", /If you are unsure, ask your immediate supervisor/],
      ["Who should I ask a routine question about the code?", /ask your immediate supervisor/],
      ["A coworker keeps grabbing me and making sexual jokes. What should I do?", /Report it promptly/],
      ["Where is the nearest coffee machine?", /Ask your immediate supervisor/],
    ];
    for (const [q, nextStep] of cases) {
      const { answer } = advise(q);
      const parts = sentences(answer);
      expect(parts.length, answer).toBeGreaterThanOrEqual(2);
      expect(parts.length, answer).toBeLessThanOrEqual(3);
      expect(parts.at(-1), answer).toMatch(nextStep);
    }
  });

  it("quotes the Code word for word, best clause first, scores in 0..1", () => {
    const { document } = shippedPolicy();
    for (const q of ["Can I sell a copy of our design software to a friend?", "Can our CFO be excused from the code?", "Can I ask an interpretation of section 7?"]) {
      const answer = advise(q);
      expect(answer.clauses.length, q).toBeGreaterThan(0);
      for (const c of answer.clauses) {
        expect(document.clauses.get(c.id)?.text, `${q} → ${c.id}`).toContain(c.quote);
        expect(c.title).toBe(document.clauses.get(c.id)?.title);
        expect(c.score).toBeGreaterThan(0);
        expect(c.score).toBeLessThanOrEqual(1);
      }
      const scores = answer.clauses.map((c) => c.score);
      expect(scores[0]).toBe(Math.max(...scores));
    }
  });

  it("names the deciding topic, so an approval request can be prefilled", () => {
    expect(advise("A supplier wants to send me a case of wine for the holidays. Can I accept?").topicId).toBe("gifts");
  });

  it("works with no concepts at all, from the Code's own words, and still abstains on unrelated text", () => {
    const policy = shippedPolicy();
    const bare = createAdvisor({ ...policy, rules: { ...policy.rules, topics: policy.rules.topics.map((t) => ({ ...t, concepts: [], cues: [], examples: [], requires: [] })) } });
    expect(bare.advise("What is the weather tomorrow?").verdict).toBe("out_of_scope");
  });
});

describe("issue 19: answers to people who were wronged, and no unrelated quotes", () => {
  const advisor = shippedAdvisor();
  it("something done to the asker gets the reporting path and protection from retaliation, never a verdict aimed at them", () => {
    for (const q of ["i got passed over for the team lead job after i told my boss im pregnant, who do i tell", "after i reported the safety issue my shifts got cut in half"]) {
      const answer = advisor.advise(q);
      expect(answer.verdict, q).toBe("report");
      expect(answer.answer, q).toMatch(/protected from retaliation/);
      expect(answer.answer, q).not.toMatch(/does not allow this/);
    }
  });

  it("never suggests the supervisor the question implicates", () => {
    for (const q of ["My supervisor keeps touching my shoulder and it makes me uncomfortable. What should I do?", "my boss told me to change the date on the shipping docs so it counts for last quarter"]) {
      const answer = advisor.advise(q);
      expect(answer.approvers, q).not.toContain("supervisor");
      expect(answer.answer, q).not.toMatch(/ask your (immediate )?supervisor|to your supervisor or/i);
      expect(answer.answer, q).toMatch(/Because this involves your supervisor/);
    }
  });

  it("a prohibited act is never allowed nor merely approvable; someone else doing what needs approval is reported", () => {
    expect(advisor.advise("director told me to mark a consulting invoice as equipment so it doesnt show up in the budget review").verdict).toBe("prohibited");
    expect(advisor.advise("colleague keeps taking the company van home for personal use every weekend").verdict).toBe("report");
    expect(advisor.advise("our cfo wants to lease office space from his brother's company").verdict).toBe("needs_approval");
  });

  it("a clear answer cites no clause of an unrelated section", () => {
    for (const q of ["can i accept a bottle of wine from a supplier", "my boss wants me to backdate an invoice", "can i use the company truck on the weekend"]) {
      const [first, ...others] = advisor.advise(q).clauses;
      expect(others.filter((c) => c.id.replace(/\(.*$/, "") !== first!.id.replace(/\(.*$/, "")), q).toEqual([]);
    }
  });
});
