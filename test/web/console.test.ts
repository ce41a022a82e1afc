import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { people, typed } from "../support/slack.ts";
import { buttonsOf, click, clickForFilledModal, dm, fileThroughSlack, postsTo, startCompany, texts, type Company } from "../slack/company.ts";
import { requestThroughSlack } from "../slack/approvalSupport.ts";
import { hasChromium, launchChromium, screenshot, signIn, signInLinkFromSlack, CHROMIUM } from "./support.ts";

// Alex Romero (U0ALEX) reports anonymously; Priya Nair (U0PRIYA), the ethics officer, handles it.
// Kim Nguyen (U0KIM) handles nothing. Lee Jordan (U0LEE) is Alex's supervisor and approves his requests.
const ALEX = "U0ALEX";
const PRIYA = "U0PRIYA";
const KIM = "U0KIM";
const LEE = "U0LEE";

if (!hasChromium) console.warn(`Skipping the web console browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)("Web console in headless Chromium", () => {
  let h: Company;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    await (await freshDatabase()).close();
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    h = await startCompany();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await h?.close();
  });

  it("signs in from the Slack DM's link, works a case end to end, and the reporter hears of it on Slack", async () => {
    await fileThroughSlack(h, ALEX, { involved: people("U0LEE") });
    await h.app.worker.tick();

    const link = await signInLinkFromSlack(h, PRIYA);
    const [stored] = await h.app.db.prisma.consoleSignIn.findMany();
    expect(link).not.toContain(stored!.tokenHash); // only the hash is kept
    await signIn(page, link);
    await expect(page.title()).resolves.toBe("Your cases · Conduct console");
    const cookie = (await context.cookies()).find((c) => c.name === "conduct_console")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/console" });
    const row = page.getByRole("row", { name: /C-2026-0001/ });
    await expect(row.textContent()).resolves.toMatch(/Received.*Harassment/s);
    await screenshot(page, "01-cases");

    // Filters: nothing closed yet; search by number finds it.
    await page.goto(`${h.app.url.replace("127.0.0.1", "localhost")}/console/cases?status=closed`);
    await expect(page.locator("main").textContent()).resolves.toContain("No case of yours matches these filters.");
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Case number").fill("0001");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("link", { name: "C-2026-0001" }).click();
    await page.waitForURL(/\/console\/cases\/C-2026-0001$/);

    await expect(page.title()).resolves.toBe("Case C-2026-0001 · Conduct console");
    const main = () => page.locator("main").textContent();
    expect(await main()).toContain("SECRET-WHAT-4471"); // the report, decrypted for its handler
    expect(await main()).toContain("Reporter of C-2026-0001");
    expect(await main()).toContain("Lee Jordan"); // involved
    // Nothing on the page names the anonymous reporter; the reassign picker lists every assignable
    // person, the reporter among them like anyone else (leaving them out would single them out).
    const outsidePickers = () => page.locator("main").evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("select").forEach((s) => s.remove());
      return copy.textContent ?? "";
    });
    expect(await outsidePickers()).not.toMatch(/Alex|Romero/);

    // Reply to the reporter: the outbox takes it to Alex's Slack, without the text in chat history.
    await page.getByLabel("Message to the reporter").fill("Could you tell us when this started? WEB-MSG-1 <b>bold</b>");
    await page.getByRole("button", { name: "Send to the reporter" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Message sent");
    expect(await page.locator(".thread").innerHTML()).toContain("&lt;b&gt;bold&lt;/b&gt;"); // escaped, not markup
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });
    const notice = postsTo(h, dm(ALEX)).at(-1)!;
    expect(notice.args.text).toBe("You have a private update"); // anonymous: the DM names nothing; Open shows it
    expect(JSON.stringify(notice.args)).not.toContain("C-2026-0001");
    expect(JSON.stringify(await clickForFilledModal(h, ALEX, notice, "case.private_update"))).toContain("WEB-MSG-1");

    // A note, the acknowledgement, investigating, a legal hold: each through the same core calls as in chat.
    await page.getByLabel("Internal note").fill("Spoke to HR. WEB-NOTE-2");
    await page.getByRole("button", { name: "Add note" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Note added");
    await page.getByLabel("Change status").selectOption("acknowledged");
    await page.getByRole("button", { name: "Change status" }).click();
    await page.getByLabel("Change status").selectOption("investigating");
    await page.getByRole("button", { name: "Change status" }).click();
    expect(await main()).toMatch(/Status\s*Investigating/);
    await page.getByRole("button", { name: "Place legal hold" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Legal hold placed");
    expect(await h.app.db.prisma.reportCase.findFirstOrThrow()).toMatchObject({ legalHold: true, status: "investigating" });

    const actions = (await h.app.db.prisma.auditEntry.findMany({ where: { actor: "priya" }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["console.signed_in", "case.viewed", "case.message_to_reporter", "case.note_added", "case.status_changed", "case.legal_hold"]));
    const trail = await page.getByRole("table").last().textContent();
    expect(trail).toMatch(/Note added.*Status changed.*Legal hold/s);
    expect(trail).not.toContain("WEB-NOTE-2"); // the trail says who did what, never the content
    await screenshot(page, "02-case");

    // A phone-width view of the same page.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, "03-case-phone");
  });

  it("shows a missed acknowledgement in red; a POST without the CSRF token is refused and changes nothing; sign-out ends the session", async () => {
    await fileThroughSlack(h, ALEX);
    await h.app.worker.tick();
    h.clock.advance(8 * 24 * 60 * 60_000); // past the 7-day acknowledgement deadline
    await signIn(page, await signInLinkFromSlack(h, PRIYA));
    expect(await page.locator("td .overdue").textContent()).toMatch(/9 Mar 2026 \(overdue\)/);
    expect(await page.locator("td .overdue").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(179, 38, 30)");
    const base = new URL(page.url()).origin;
    const forged = await page.request.post(`${base}/console/cases/C-2026-0001/note`, { form: { text: "FORGED" } });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("nothing was done");
    const wrong = await page.request.post(`${base}/console/cases/C-2026-0001/note`, { form: { text: "FORGED", csrf: "x".repeat(43) } });
    expect(wrong.status()).toBe(403);
    expect(await h.app.db.prisma.caseMessage.count({ where: { kind: "note" } })).toBe(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.title()).resolves.toBe("Signed out · Conduct console");
    await page.goto(`${base}/console/cases`);
    await expect(page.title()).resolves.toBe("Sign in to the console · Conduct console");
  });

  it("a non-handler sees no case; a reused or expired link signs nobody in", async () => {
    await fileThroughSlack(h, ALEX);
    await h.app.worker.tick();
    const kimLink = await signInLinkFromSlack(h, KIM);
    await signIn(page, kimLink);
    await expect(page.locator("main").textContent()).resolves.toContain("You handle no cases.");
    const base = new URL(page.url()).origin;
    await page.goto(`${base}/console/cases/C-2026-0001`);
    await expect(page.title()).resolves.toBe("No such case · Conduct console");
    expect(await page.locator("main").textContent()).not.toContain("SECRET");
    await page.goto(`${base}/console/registers`);
    expect(await page.locator("main").textContent()).toContain("for the ethics officer");
    await screenshot(page, "04-no-cases");

    // The same link again, in a fresh browser: a clear page, no session.
    const other = await browser.newContext();
    const again = await other.newPage();
    await signIn(again, kimLink);
    await expect(again.title()).resolves.toBe("Sign-in link not valid · Conduct console");
    expect(await again.locator("main").textContent()).toContain("already used");
    expect(await other.cookies()).toEqual([]);
    await screenshot(again, "05-link-used");

    // A link opened after its five minutes.
    const late = await signInLinkFromSlack(h, PRIYA);
    h.clock.advance(6 * 60_000);
    await signIn(again, late);
    expect(await again.locator("main").textContent()).toContain("expired");
    expect(await other.cookies()).toEqual([]);
    await other.close();
  });

  it("the approver decides in the console (once), the ethics officer sees the registers, their CSV and the dashboard's charts", async () => {
    expect((await requestThroughSlack(h, ALEX, "company_property", { summary: typed("Borrow the company van for a weekend move") })).body).toBeNull();
    await h.app.worker.tick();
    const [slackCard] = postsTo(h, dm(LEE));

    await signIn(page, await signInLinkFromSlack(h, LEE));
    await page.getByRole("link", { name: "Approvals" }).click();
    await page.waitForURL(/\/console\/approvals$/);
    await expect(page.title()).resolves.toBe("Waiting for your decision · Conduct console");
    expect(await page.locator("main").textContent()).toContain("Borrow the company van");
    await screenshot(page, "06-approvals");
    await page.getByLabel("Conditions, reason or question").fill("Return it with a full tank.");
    await page.getByRole("button", { name: "Record decision" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Decision recorded");
    expect(await page.locator("main").textContent()).toContain("Nothing is waiting for your decision.");
    expect(await h.app.db.prisma.approvalRequest.findFirstOrThrow()).toMatchObject({ status: "approved" });
    await h.app.worker.tick();
    expect(postsTo(h, dm(ALEX)).map(texts).join("\n")).toMatch(/approved/i);
    // The Slack card's Approve, clicked after the console: the core counts the decision once.
    expect(buttonsOf(slackCard!.args.blocks).map((b) => b.action_id)).toContain("approval.approve");
    await click(h, LEE, slackCard!, "approval.approve");
    await h.slack.settle(500);
    expect(await h.app.db.prisma.approvalDecision.count()).toBe(1);

    // The ethics officer: registers and dashboard (aggregates seeded: 12 questions on section 3 this week).
    const day = h.clock.now().toISOString().slice(0, 10);
    await h.app.db.prisma.askStat.createMany({
      data: [
        { day, clauseId: "3(c)", verdict: "needs_approval", count: 12 },
        { day, clauseId: "4", verdict: "allowed", count: 7 },
        { day, clauseId: "6", verdict: "prohibited", count: 2 },
      ],
    });
    await h.app.db.prisma.answerFeedback.create({ data: { day, clauseId: "3(c)", helpful: 3, notHelpful: 6 } });
    const priya = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const officer = await priya.newPage();
    await signIn(officer, await signInLinkFromSlack(h, PRIYA));
    const officerBase = new URL(officer.url()).origin;
    expect(await officer.getByRole("navigation").getByRole("link").allTextContents()).toEqual(["Cases", "Approvals", "Registers", "Dashboard"]);
    await officer.goto(`${officerBase}/console/registers`);
    await expect(officer.title()).resolves.toBe("Approval registers · Conduct console");
    expect(await officer.locator("main").textContent()).toMatch(/AP-\d+.*approved.*Alex Romero.*Borrow the company van/s);
    await screenshot(officer, "07-registers");
    const csv = await officer.request.get(new URL("/console/registers.csv", officer.url()).toString());
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toMatch(/^Reference,Register,Status.*\r\nAP-\d+,.*approved.*Alex Romero/s);

    await officer.goto(`${officerBase}/console/dashboard`);
    await expect(officer.title()).resolves.toBe("Dashboard · Conduct console");
    const charts = officer.locator("figure svg");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    const text = await officer.locator("main").textContent();
    expect(text).toContain("3. Conflicts of Interest");
    expect(text).toContain("fewer than 5"); // section 6's 2 prohibited answers are withheld
    expect(await officer.locator("figure", { hasText: "Verdict mix" }).locator("svg rect").count()).toBe(2);
    await screenshot(officer, "08-dashboard");
    await priya.close();
  });
});
