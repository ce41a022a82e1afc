// `conduct outbox failed` and `conduct outbox retry ID|--all`, run as an operator would: the real
// command in a child process against an embedded database on disk.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemClock } from "../src/core/clock.ts";
import { openDatabase } from "../src/store/db.ts";
import { enqueue } from "../src/store/outbox.ts";
import { CONDUCT } from "./support/cli.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const conduct = (dataDir: string, ...args: string[]) =>
  spawnSync(CONDUCT[0]!, [...CONDUCT.slice(1), "outbox", ...args], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: "utf8", timeout: 120_000 });

describe("conduct outbox", () => {
  it("lists what the bot gave up delivering (no reporter named) and queues one or all again", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-outbox-"));
    const db = await openDatabase({ dataDir });
    await db.prisma.$transaction(async (tx) => {
      await enqueue(tx, { recipientId: "priya", kind: "case.assigned", payload: { caseNumber: "C-2026-0001" } }, systemClock);
      await enqueue(tx, { recipientId: "alex", kind: "case.reporter.message", payload: { ref: "sealed" } }, systemClock);
      await enqueue(tx, { recipientId: "helen", kind: "approval.requested", payload: {} }, systemClock);
    });
    // As deliverDue leaves a message after its last attempt.
    await db.prisma.outboxMessage.updateMany({ where: { recipientId: { in: ["priya", "alex"] } }, data: { status: "failed", attempts: 50, lastError: "Error: Slack API error channel_not_found" } });
    const [priya] = await db.prisma.outboxMessage.findMany({ where: { recipientId: "priya" } });
    await db.close();

    const listed = conduct(dataDir, "failed");
    expect(listed.stderr).toBe("");
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${priya!.id}  case\\.assigned  priya  50 attempts  since \\S+Z  Error: Slack API error channel_not_found$`));
    expect(lines[1]).toContain("case.reporter.message  (a reporter)  50 attempts");
    expect(listed.stdout).not.toContain("alex");

    expect(conduct(dataDir, "retry", "no-such-id")).toMatchObject({ status: 1, stderr: "no failed message with id no-such-id (see conduct outbox failed)\n" });
    expect(conduct(dataDir, "retry", priya!.id)).toMatchObject({ status: 0, stdout: "1 message queued for delivery again\n" });
    expect(conduct(dataDir, "retry", "--all")).toMatchObject({ status: 0, stdout: "1 message queued for delivery again\n" });

    const after = await openDatabase({ dataDir });
    expect(await after.prisma.outboxMessage.findMany({ select: { status: true, attempts: true }, orderBy: { seq: "asc" } })).toEqual([
      { status: "pending", attempts: 0 },
      { status: "pending", attempts: 0 },
      { status: "pending", attempts: 0 },
    ]);
    await after.close();
  }, 400_000);

  it("explains its usage and exits 2 on anything else", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-outbox-"));
    for (const args of [[], ["retry"], ["failed", "extra"], ["resend"]]) {
      const result = conduct(dataDir, ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("usage: conduct outbox failed");
    }
  }, 120_000);
});
