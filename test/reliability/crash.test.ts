// The bot process is really killed (SIGKILL) while notifications are still undelivered because
// Slack is down; after a restart the state is whole and each arrives exactly once: the handlers'
// notices and the reporters' receipts (issue 16: the receipt is owed, so it goes through the outbox).
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
const JAMIE = "U0JAMIE"; // files a confidential report
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
      ANONYMOUS_NOTICE_DELAY_MINUTES: "0",
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

  it("delivers the pending notifications (handler's notice, reporters' receipts) once after the restart, with the cases and their deadlines intact", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-crash-"));
    const down = await startFakeSlack();
    fakes.push(down);
    down.failNext("chat.postMessage", { status: 503 }, 1_000_000); // Slack is down for posts

    const first = startBot(dataDir, down);
    children.push(first.child);
    const url = await first.ready;
    const h = harness(url, down);
    const form = await openReportForm(h, ALEX);
    const filed = await submit(h, ALEX, form, reportValues()); // anonymous
    // Filed before the answer: the form says so in its answer.
    expect(filed).toMatchObject({ status: 200, body: { response_action: "update", view: { title: { text: "Report filed" } } } }); // C-2026-0001
    const named = await submit(h, JAMIE, await openReportForm(h, JAMIE), reportValues({ mode: { type: "radio_buttons", selected_option: { value: "confidential" } } }));
    expect(named).toMatchObject({ status: 200, body: { response_action: "update", view: { title: { text: "Report filed" } } } });

    // The worker has tried to tell the handler and both reporters at least once, and failed.
    const tried = (user: string) => down.callsTo("chat.postMessage").some((c) => c.args.channel === dm(user));
    await until("failed delivery attempts to the handler and the reporters", () => tried(PRIYA) && tried(ALEX) && tried(JAMIE));
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));

    const up = await startFakeSlack();
    fakes.push(up);
    const second = startBot(dataDir, up);
    children.push(second.child);
    await second.ready;
    const posted = (user: string) => up.callsTo("chat.postMessage").filter((c) => c.args.channel === dm(user));
    await until("the handler's notifications and both receipts", () => posted(PRIYA).length >= 2 && posted(ALEX).length >= 1 && posted(JAMIE).length >= 1);
    await up.settle(3_000);
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));

    const toHandler = posted(PRIYA);
    expect(toHandler.map((c) => c.args.text).sort()).toEqual(["Case C-2026-0001 was assigned to you", "Case C-2026-0002 was assigned to you"]);
    // Each reporter's, exactly once: the anonymous one a neutral private update, the confidential one the receipt.
    expect(posted(ALEX).map((c) => c.args.text)).toEqual(["You have a private update"]);
    expect(JSON.stringify(posted(ALEX))).not.toContain("C-2026");
    expect(posted(JAMIE).map((c) => c.args.text)).toEqual(["Report filed: C-2026-0002"]);
    expect(JSON.stringify(up.calls)).not.toContain(REPORT_TEXT); // content never travels in chat

    const db = await PGlite.create(dataDir);
    try {
      const one = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;
      expect(await one(`SELECT count(*)::int AS n FROM report_case`)).toBe(2);
      expect(await one(`SELECT count(*)::int AS n FROM outbox_message WHERE status <> 'sent'`)).toBe(0);
      expect(await one(`SELECT count(*)::int AS n FROM job WHERE status = 'pending' AND kind LIKE 'case.%'`)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 600_000);
});
