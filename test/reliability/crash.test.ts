// The bot process is really killed (SIGKILL) while a notification is still undelivered because
// Slack is down; after a restart the state is whole and the notification arrives exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../support/fakeSlack.ts";
import { BOT_TOKEN, FORM, postSigned, SIGNING_SECRET } from "../support/slack.ts";
import type { SlackHarness } from "../support/slackApp.ts";
import { dm, openReportForm, REPORT_TEXT, reportValues, submit } from "../slack/company.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const ALEX = "U0ALEX"; // reporter
const PRIYA = "U0PRIYA"; // the ethics officer, who receives reports by default

function startBot(dataDir: string, slack: FakeSlack) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      DATA_DIR: dataDir,
      DIRECTORY_FILE: "directory.example.yaml",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const ready = (async () => {
    for (let i = 0; i < 1200; i++) {
      const port = /"port":(\d+)/.exec(output)?.[1];
      if (port) return `http://127.0.0.1:${port}`;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`bot did not start:\n${output}`);
  })();
  return { child, ready, output: () => output };
}

const harness = (url: string, slack: FakeSlack) =>
  ({ slack, sendForm: (body: string, options = {}) => postSigned(url, body, { contentType: FORM, ...options }) }) as unknown as SlackHarness;

async function until(what: string, check: () => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("killed with SIGKILL in the middle of a flow", () => {
  const children: ChildProcess[] = [];
  const fakes: FakeSlack[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
    await Promise.all(fakes.splice(0).map((f) => f.close()));
  });

  it("delivers the pending notification once after the restart, with the case and its deadlines intact", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-crash-"));
    const down = await startFakeSlack();
    fakes.push(down);
    down.failNext("chat.postMessage", { status: 503 }, 1_000_000); // Slack is down for posts

    const first = startBot(dataDir, down);
    children.push(first.child);
    const url = await first.ready;
    const h = harness(url, down);
    const form = await openReportForm(h, ALEX);
    const filed = await submit(h, ALEX, form, reportValues());
    // Filed before the answer: the form says so in its answer.
    expect(filed).toMatchObject({ status: 200, body: { response_action: "update", view: { title: { text: "Report filed" } } } });

    // The worker has tried to tell the handler at least once, and failed.
    await until("a failed delivery attempt to the handler", () => down.callsTo("chat.postMessage").some((c) => c.args.channel === dm(PRIYA)));
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));

    const up = await startFakeSlack();
    fakes.push(up);
    const second = startBot(dataDir, up);
    children.push(second.child);
    await second.ready;
    await until("the handler's notification", () => up.callsTo("chat.postMessage").some((c) => c.args.channel === dm(PRIYA)));
    await up.settle(3_000);
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));

    const toHandler = up.callsTo("chat.postMessage").filter((c) => c.args.channel === dm(PRIYA));
    expect(toHandler).toHaveLength(1);
    expect(JSON.stringify(toHandler[0]!.args)).toMatch(/C-\d{4}-\d{4}/);
    expect(JSON.stringify(up.calls)).not.toContain(REPORT_TEXT); // content never travels in chat

    const db = await PGlite.create(dataDir);
    try {
      const one = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
      expect(await one(`SELECT count(*)::int AS n FROM report_case`)).toBe(1);
      expect(await one(`SELECT count(*)::int AS n FROM outbox_message WHERE status <> 'sent'`)).toBe(0);
      expect(await one(`SELECT count(*)::int AS n FROM job WHERE status = 'pending' AND kind LIKE 'case.%'`)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 600_000);
});
