// Two bot processes on one PostgreSQL database behind a "load balancer" (the driver): signed
// questions and report submissions spread across them, each retried on the other replica when
// the first does not answer, one replica SIGKILLed mid-run and restarted. Nothing may be lost
// or doubled: one answer per question, one case per report, one handler notice and one receipt
// per case (the fake Slack counts what reached it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../support/build.ts";
import { runReplicas } from "../support/replicas.ts";

const BASE = process.env.TEST_DATABASE_URL;
const schema = `replicas_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;

describe.skipIf(!BASE)("two replicas on one PostgreSQL, one killed mid-run", () => {
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it("files every report once and tells its handler and reporter once; answers once every question but those the killed replica owed", async () => {
    ensureBuilt(); // the replicas run the compiled bot, as `npm start` does
    const url = new URL(BASE!);
    url.searchParams.set("schema", schema);
    const result = await runReplicas({ databaseUrl: url.toString(), seconds: 16, rate: 25, reportShare: 0.1, killAtSeconds: 6, downForMs: 2_000, drainTimeoutMs: 300_000,
      // Slack waits 3 s; CI machines shared by other jobs can take longer to answer, and what is
      // tested here is that nothing is lost or doubled across the kill, not the 3 s.
      answerTimeoutMs: 10_000,
    });
    const { ackLatenciesMs, ...figures } = result;
    console.log(JSON.stringify(figures));
    expect(result.restarts).toBe(1);
    expect(result.retries).toBeGreaterThan(0); // the kill cut some deliveries, which went to the other replica
    expect(result.failed).toBe(0);
    expect(result.drain).not.toBe("timed out");
    // Not yet exactly once: a question the killed replica had acknowledged (Bolt acknowledges events
    // before their listener runs) and not yet answered dies with it (README, "Two replicas"). Any
    // other unanswered question, and any second answer, fails.
    expect(result.answers).toMatchObject({ duplicated: 0, lost: 0 });
    expect(result.answers.distinct + result.answers.cutByKill).toBe(result.questions);
    expect(result.cases).toMatchObject({ rows: result.reports, duplicated: 0, refused: 0, lost: 0 });
    // Each form said "Report filed", or, submitted again after its first answer was cut, "already filed".
    expect(result.cases.filedShown + result.cases.alreadyFiledShown).toBe(result.reports);
    // Not yet exactly once either: a notice the killed replica had sent but not yet marked sent is
    // sent again after its lease (README, "Two replicas"). Any other second copy fails.
    expect(result.handlerNotices).toMatchObject({ distinct: result.reports, duplicated: 0, missing: 0 });
    expect(result.receipts).toEqual({ distinct: result.reports, duplicated: 0, missing: 0 });
    expect(result.outbox.pending ?? 0).toBe(0);
    expect(result.outbox.failed ?? 0).toBe(0);
  }, 600_000);
});
