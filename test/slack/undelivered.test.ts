// A handler the bot cannot reach must not leave a case unattended: after UNDELIVERED_REROUTE_HOURS
// the case goes to another handler (never anyone excluded), the ethics officer is told, and their
// App Home counts what is undelivered. Driven through signed Slack HTTP and the fake Slack.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { startSlackApp } from "../support/slackApp.ts";
import { homeSection, openHome } from "./approvalSupport.ts";
import { dm, postsTo, texts, type Company } from "./company.ts";

const HOUR = 3_600_000;
const PRIYA = "U0PRIYA";

/** The example company, but Lee (Alex's supervisor) is on no chat platform the bot can reach. */
async function companyWithUnreachableLee(): Promise<Company> {
  const file = join(mkdtempSync(join(tmpdir(), "conduct-dir-")), "directory.yaml");
  const example = readFileSync("directory.example.yaml", "utf8");
  writeFileSync(file, example.replace(/(- id: lee\n(?:\s+\w+:.*\n)*?)\s+slack: U0LEE\n\s+teams: [0-9a-f-]+\n/, "$1"));
  const clock = manualClock("2026-03-02T09:00:00Z");
  const h = await startSlackApp({ DIRECTORY_FILE: file, UNDELIVERED_REROUTE_HOURS: "2" }, { clock, workerIntervalMs: 0 });
  expect((await h.app.directory.get("lee"))?.slackId ?? null).toBeNull();
  return Object.assign(h, { clock });
}

describe("handler notices that are not delivered", () => {
  let h: Company | undefined;
  afterEach(async () => h?.close());

  it("give the case to the ethics officer after the configured hours, once, and count on their App Home", async () => {
    h = await companyWithUnreachableLee();
    const filed = await h.app.cases.fileReport("alex", { what: "Invoices are being split to dodge approval. SECRET-UNDELIVERED", category: "company_property", recipient: "supervisor", mode: "confidential" });
    expect(filed.ok).toBe(true);
    const number = filed.ok ? filed.caseNumber : "";
    await h.app.worker.tick();
    expect((await h.app.cases.view("lee", number)).ok).toBe(true);
    const leeNotice = await h.app.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "lee", kind: "case.assigned" } });
    expect(leeNotice.status).toBe("pending");

    let home = await openHome(h, PRIYA);
    expect(JSON.stringify(homeSection(home, "Deliveries"))).toContain("Every message the bot owes someone has been delivered");
    expect((await h.app.cases.view("priya", number)).ok).toBe(false);

    h.clock.advance(2 * HOUR - 1);
    await h.app.worker.tick();
    expect((await h.app.cases.view("priya", number)).ok).toBe(false); // not yet

    h.clock.advance(1);
    await h.app.worker.tick(); // passes the notice on
    await h.app.worker.tick(); // delivers what that enqueued
    expect((await h.app.cases.view("priya", number)).ok).toBe(true);
    const toPriya = postsTo(h, dm(PRIYA)).map(texts).filter((t) => t.includes(number));
    expect(toPriya).toHaveLength(1);
    expect(toPriya[0]).toContain(`Case ${number} was assigned to you`);
    expect(toPriya[0]).toContain("Its handler could not be reached.");
    expect(toPriya[0]).not.toContain("SECRET-UNDELIVERED");
    // Lee keeps the case and his notice keeps trying; it is passed on only once.
    expect((await h.app.cases.view("lee", number)).ok).toBe(true);
    h.clock.advance(5 * HOUR);
    await h.app.worker.tick();
    await h.app.worker.tick();
    expect(postsTo(h, dm(PRIYA)).map(texts).filter((t) => t.includes(number))).toHaveLength(1);

    home = await openHome(h, PRIYA);
    expect(JSON.stringify(homeSection(home, "Deliveries"))).toContain("1 message could not be delivered");
    // Nobody else sees the count.
    const alexHome = await openHome(h, "U0ALEX");
    expect(() => homeSection(alexHome, "Deliveries")).toThrow();
  });

  it("never go to someone the report names: the Audit Committee takes it and the ethics officer is not told", async () => {
    h = await companyWithUnreachableLee();
    const filed = await h.app.cases.fileReport("alex", { what: "The ethics officer approved her own expenses.", category: "company_property", recipient: "supervisor", involved: ["priya"], mode: "anonymous" });
    expect(filed.ok).toBe(true);
    const number = filed.ok ? filed.caseNumber : "";
    await h.app.worker.tick();
    h.clock.advance(3 * HOUR);
    await h.app.worker.tick();
    await h.app.worker.tick();
    const handlersAfter = (await h.app.db.prisma.caseHandler.findMany({ where: { removedAt: null } })).map((x) => x.personId).sort();
    expect((await h.app.cases.view("priya", number)).ok).toBe(false);
    expect(postsTo(h, dm(PRIYA)).map(texts).filter((t) => t.includes(number))).toEqual([]);
    // Only Lee had it, and the ethics officer is named: the Audit Committee members take it.
    expect(handlersAfter).toEqual(["grace", "lee", "victor"]);
    expect(postsTo(h, dm("U0VICTOR")).map(texts).filter((t) => t.includes(number))).toHaveLength(1);
  });
});
