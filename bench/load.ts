// `npm run bench:load`: drives signed Slack requests at a running bot (a child process, as in
// production) for BENCH_SECONDS (default 60) at BENCH_RATE requests/s (default 200), on PGlite
// and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL. Most requests are
// questions in DMs (message events); BENCH_REPORT_SHARE of them (default 0.05) are report form
// submissions (view_submission) from the example directory's people. Prints requests/s, p50/p99
// acknowledgement latency (after BENCH_WARMUP_SECONDS, default 5, at the same rate), how long a
// report takes to show "Report filed", errors, lost or duplicated answers and cases, and CPU per
// request; first, the same DM events at the same rate to a bare Bolt app that only acknowledges
// (bench/bareBolt.ts), as the baseline for CPU per event measured in the same run.
import { spawn } from "node:child_process";
import http from "node:http";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startFakeSlack } from "../test/support/fakeSlack.ts";
import { VIEWS } from "../src/surfaces/slack/ids.ts";
import { reportValues } from "../test/slack/company.ts";
import { BOT_TOKEN, FORM, SIGNING_SECRET, eventEnvelope, globalShortcut, imMessage, sign, viewSubmission } from "../test/support/slack.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
// A freshly started Node process compiles and loads code lazily for its first seconds; these run
// at the same rate and are checked for errors and lost writes, but kept out of the latency figures.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const REPORT_EVERY = Math.round(1 / Number(process.env.BENCH_REPORT_SHARE ?? 0.05));
const REPORTERS = ["U0OMAR", "U0DANA", "U0ALEX", "U0JAMIE", "U0TAYLOR", "U0KIM", "U0ROSA", "U0LEE"];
const REPORTS_KEY = Buffer.alloc(32, 0x6b).toString("base64");
const QUESTIONS = [
  "Can I accept concert tickets from a supplier?",
  "Can I use the company van to move house?",
  "Can we have beer at the office party?",
  "Can I give our source code to a partner?",
  "Can I put a campaign sign in my yard?",
  "What time does the cafeteria open?",
];

const ROOT = new URL("..", import.meta.url).pathname;
// The documented start (`npm start` = node dist/main.js after `npm run build`), else through tsx.
const BOT = existsSync(join(ROOT, "dist/main.js")) ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"];

async function startBot(env: Record<string, string>, script = BOT) {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the bot under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: "warn", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  for (let i = 0; i < 600 && !/listening on http:\/\/localhost:(\d+)/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  // LOG_LEVEL=warn hides the info line; ask the OS instead if needed.
  const port = Number(/localhost:(\d+)/.exec(out)?.[1]);
  return { child, port };
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

async function run(label: string, dbEnv: Record<string, string>, countRows: (sql: string) => Promise<number>) {
  const slack = await startFakeSlack();
  const bot = await startBot({
    ...dbEnv,
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DIRECTORY_FILE: new URL("../directory.example.yaml", import.meta.url).pathname,
    REPORTS_ENCRYPTION_KEY: REPORTS_KEY,
  });
  if (!bot.port) throw new Error(`${label}: the bot did not start`);
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  // node:http with keep-alive rather than fetch: the driver shares the machine's two cores with
  // the bot, and fetch costs it several times more CPU per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const post = (body: string, type: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const ts = Math.floor(Date.now() / 1000);
      const headers = { "content-type": type, "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) };
      const req = http.request(url, { method: "POST", agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  // The report form as the bot draws it, opened once from the shortcut; each submission then
  // comes from its own modal (view id), as when many people file at once.
  await post(globalShortcut(REPORTERS[0]!, "report_concern"), FORM);
  const isReportForm = (c: { method: string; args: Record<string, any> }) => c.method.startsWith("views.") && c.args.view?.callback_id === VIEWS.report;
  for (let i = 0; i < 300 && !slack.calls.some(isReportForm); i++) await new Promise((r) => setTimeout(r, 100));
  const reportForm = slack.calls.find(isReportForm)?.args.view as Record<string, unknown>;
  if (!reportForm) throw new Error(`${label}: the report form did not open`);
  let reports = 0;
  const latencies: number[] = [];
  const reportLatencies: number[] = [];
  const submittedAt = new Map<string, number>(); // view id → when its report was submitted
  let errors = 0;
  const errorKinds = new Map<string, number>();
  const failed = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  const warmupLatencies: number[] = [];
  let cpuBefore = 0;
  let driverCpuBefore = process.cpuUsage();
  let sent = 0;
  const inflight = new Set<Promise<void>>();
  const warmupStarted = performance.now();
  const warmupCount = WARMUP_SECONDS * RATE;
  const total = warmupCount + SECONDS * RATE;
  let started = warmupStarted;
  for (let i = 0; i < total; i++) {
    const due = warmupStarted + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const measured = i >= warmupCount;
    if (i === warmupCount) {
      started = performance.now();
      cpuBefore = cpuSeconds(bot.child.pid!);
      driverCpuBefore = process.cpuUsage();
    }
    const isReport = i % REPORT_EVERY === REPORT_EVERY - 1;
    const t0 = performance.now();
    if (isReport && measured) submittedAt.set(`VLOAD${label}${i}`, Date.now());
    const request = isReport
      ? post(viewSubmission({ user: REPORTERS[i % REPORTERS.length]!, viewId: `VLOAD${label}${i}`, view: reportForm, values: reportValues() }), FORM)
      : post(JSON.stringify(eventEnvelope(imMessage(`U0LOAD${i % 50}`, QUESTIONS[i % QUESTIONS.length]!), `EvLOAD${label}${i}`)), "application/json");
    if (isReport) reports++;
    const p = request
      .then(async (res) => {
        const answer = res.text;
        if (res.status !== 200) failed(`HTTP ${res.status}`);
        else if (isReport && !answer.includes('"response_action":"update"')) failed(`report refused: ${answer.slice(0, 80)}`);
        (measured ? (isReport ? reportLatencies : latencies) : warmupLatencies).push(performance.now() - t0);
      })
      .catch((error: Error) => failed(error.message))
      .finally(() => inflight.delete(p));
    inflight.add(p);
    sent++;
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - started) / 1000;
  const measuredCount = total - warmupCount;
  // Every acknowledged event must end as exactly one answer and one de-duplication row.
  const deadline = Date.now() + 120_000;
  const questions = sent - reports;
  const isAnswer = (c: { args: Record<string, unknown> }) => String(c.args.channel).startsWith("D0LOAD");
  while (slack.callsTo("chat.postMessage").filter(isAnswer).length < questions - errors && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  await slack.settle(3000); // receipts and handler DMs of the last reports
  agent.destroy();
  const answers = slack.callsTo("chat.postMessage").filter(isAnswer);
  // Filing time: from Submit until the form says "Report filed" (the reporter waits on "Filing…").
  const filingTimes = slack
    .callsTo("views.update")
    .filter((c) => c.args.view?.title?.text === "Report filed" && submittedAt.has(c.args.view_id))
    .map((c) => c.at! - submittedAt.get(c.args.view_id)!);
  const answered = new Set(answers.map((c) => `${c.args.channel}`)).size;
  const cpu = cpuSeconds(bot.child.pid!) - cpuBefore;
  const driverCpu = process.cpuUsage(driverCpuBefore);
  // Counted once the bot has stopped: the embedded database has one owner at a time.
  bot.child.kill("SIGTERM");
  await new Promise((r) => bot.child.on("exit", r));
  const processed = await countRows(`SELECT count(*)::int AS n FROM processed_event WHERE key LIKE 'slack:event:EvLOAD${label}%'`).catch(() => -1);
  const cases = await countRows(`SELECT count(*)::int AS n FROM report_case`).catch(() => -1);
  await slack.close();
  const quantile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  };
  const all = [...latencies, ...reportLatencies];
  console.log(
    [
      `${label.padEnd(9)} ${measuredCount} events in ${elapsed.toFixed(1)} s = ${(measuredCount / elapsed).toFixed(0)} req/s (after ${warmupCount} in a ${WARMUP_SECONDS} s warm-up: p99 ${quantile(warmupLatencies, 0.99) ?? "-"} ms)`,
      `ack p50 ${quantile(all, 0.5)} ms, p99 ${quantile(all, 0.99)} ms (questions ${quantile(latencies, 0.5)}/${quantile(latencies, 0.99)}, reports ${quantile(reportLatencies, 0.5)}/${quantile(reportLatencies, 0.99)}), errors ${errors}`,
      `filed in p50 ${quantile(filingTimes, 0.5)} ms, p99 ${quantile(filingTimes, 0.99)} ms (${filingTimes.length} shown as filed)`,
      `answers ${answers.length} of ${questions} questions (conversations ${answered}), cases ${cases} of ${reports} reports`,
      `lost ${Math.max(0, sent - errors - answers.length - cases)}, duplicated ${Math.max(0, answers.length + cases - (sent - errors))}`,
      processed >= 0 ? `dedupe rows ${processed}` : "",
      `CPU per event: bot ${((cpu * 1000) / measuredCount).toFixed(2)} ms, load driver + fake Slack ${((driverCpu.user + driverCpu.system) / 1000 / measuredCount).toFixed(2)} ms`,
      errorKinds.size ? `errors: ${[...errorKinds].map(([k, n]) => `${n}× ${k}`).join(", ")}` : "",
    ]
      .filter(Boolean)
      .join(" | "),
  );
}

/**
 * The same signed DM questions, at the same rate and after the same warm-up, to a bare Bolt app
 * that only acknowledges (bench/bareBolt.ts): the CPU per event any Bolt app pays, beside which
 * the bot's figure is read.
 */
async function bareBolt(): Promise<void> {
  const bare = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }, ["--import", "tsx", "bench/bareBolt.ts"]);
  if (!bare.port) throw new Error("bare Bolt: did not start");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const ts = Math.floor(Date.now() / 1000);
      const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) };
      const req = http.request(`http://127.0.0.1:${bare.port}/slack/events`, { method: "POST", agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const warmup = WARMUP_SECONDS * RATE;
  const total = warmup + SECONDS * RATE;
  const latencies: number[] = [];
  let errors = 0;
  let cpuBefore = 0;
  const inflight = new Set<Promise<void>>();
  const begun = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = begun + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i === warmup) cpuBefore = cpuSeconds(bare.child.pid!);
    const t0 = performance.now();
    const p = post(JSON.stringify(eventEnvelope(imMessage(`U0LOAD${i % 50}`, QUESTIONS[i % QUESTIONS.length]!), `EvBARE${i}`)))
      .then((status) => {
        if (status !== 200) errors++;
        if (i >= warmup) latencies.push(performance.now() - t0);
      })
      .catch(() => void errors++)
      .finally(() => inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  const cpu = cpuSeconds(bare.child.pid!) - cpuBefore;
  agent.destroy();
  bare.child.kill("SIGTERM");
  await new Promise((r) => bare.child.on("exit", r));
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    `bare Bolt ${SECONDS * RATE} DM events, acknowledge only: ack p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]?.toFixed(1)} ms, errors ${errors} | CPU per event: ${((cpu * 1000) / (SECONDS * RATE)).toFixed(2)} ms`,
  );
}

await bareBolt();

const dataDir = mkdtempSync(join(tmpdir(), "conduct-bench-"));
const { PGlite } = await import("@electric-sql/pglite");
await run("pglite", { DATA_DIR: dataDir }, async (sql) => {
  const db = await PGlite.create(dataDir);
  try {
    return ((await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
});

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (pgUrl) {
  const schema = `bench_${Date.now().toString(36)}`;
  const url = new URL(pgUrl);
  url.searchParams.set("schema", schema);
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await run("postgres", { DATABASE_URL: url.toString() }, async (sql) => (await client.query(`SET search_path = ${schema}; ${sql}`) as unknown as pg.QueryResult[])[1]!.rows[0].n);
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
} else {
  console.log("postgres  skipped (set BENCH_DATABASE_URL=postgres://… to run it)");
}
