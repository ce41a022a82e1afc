// `npm run bench:load`: drives signed Slack requests at a running bot (a child process, as in
// production) for BENCH_SECONDS (default 60) at BENCH_RATE requests/s (default 200), on PGlite
// and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL. Most requests are
// questions in DMs (message events); BENCH_REPORT_SHARE of them (default 0.05) are report form
// submissions (view_submission) from the example directory's people. Prints requests/s, p50/p99
// acknowledgement latency (after BENCH_WARMUP_SECONDS, default 5, at the same rate; a report is
// filed before it is acknowledged, so its acknowledgement is its filing time), errors, lost or
// duplicated answers and cases (lost only when nothing more arrived: answers still arriving when
// the wait of BENCH_DRAIN_SECONDS ends are said to be so), CPU per request and the load average;
// first, the same DM events at the same rate to a bare Bolt app that only acknowledges
// (bench/bareBolt.ts), as the baseline for CPU per event measured in the same run. BENCH_REPLICAS=2
// with a PostgreSQL URL adds a run of two replicas on one schema, one SIGKILLed halfway.
import { spawn } from "node:child_process";
import http from "node:http";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
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
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 300);
const STALL_MS = 15_000;
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
    // glibc's malloc settings as `npm start` sets them.
    env: { PATH: process.env.PATH, LOG_LEVEL: "warn", PORT: "0", MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "131072", ...env },
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
    // Eight people file hundreds of reports here; at the per-person limit (10 a day) most would be
    // refused, cheaply, and the figures would be of refusals (earlier runs counted them as "lost").
    REPORTS_PER_DAY: "1000000",
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
  let reportsSent = 0;
  // What each report's answer said: filed (the form shows "Report filed: C-…") or given back with a reason.
  let filedAnswers = 0;
  const refusals = new Map<string, number>();
  const latencies: number[] = [];
  const reportLatencies: number[] = [];
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
    const request = isReport
      ? post(viewSubmission({ user: REPORTERS[reportsSent++ % REPORTERS.length]!, viewId: `VLOAD${label}${i}`, view: reportForm, values: reportValues() }), FORM)
      : post(JSON.stringify(eventEnvelope(imMessage(`U0LOAD${i % 50}`, QUESTIONS[i % QUESTIONS.length]!), `EvLOAD${label}${i}`)), "application/json");
    if (isReport) reports++;
    const p = request
      .then(async (res) => {
        const answer = res.text;
        if (res.status !== 200) failed(`HTTP ${res.status}`);
        else if (isReport) {
          // Filed before the answer: the answer is the confirmation, or the form back with the reason.
          const view = answer ? (JSON.parse(answer) as { view?: { title?: { text?: string }; blocks?: unknown } }).view : undefined;
          if (view?.title?.text === "Report filed") filedAnswers++;
          else {
            const reason = /:warning: \*([^*]{0,60})/.exec(JSON.stringify(view?.blocks ?? ""))?.[1] ?? (answer ? answer.slice(0, 60) : "no answer (past 3 s)");
            refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
          }
        }
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
  // Every acknowledged question must end as exactly one answer. The wait goes on while answers
  // keep arriving (a bot behind under load is slow, not lossy) and ends when all are in, when none
  // came for STALL_MS (what is missing then is lost), or after BENCH_DRAIN_SECONDS (still arriving:
  // the figure says so, it is not a loss).
  const questions = sent - reports;
  const questionErrors = errors - (reports - filedAnswers - [...refusals.values()].reduce((a, b) => a + b, 0));
  const isAnswer = (c: { args: Record<string, unknown> }) => String(c.args.channel).startsWith("D0LOAD");
  const answerCount = () => slack.callsTo("chat.postMessage").filter(isAnswer).length;
  const drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
  let lastCount = -1;
  let lastProgress = Date.now();
  let drain: "complete" | "stalled" | "timed out" = "timed out";
  while (Date.now() < drainDeadline) {
    const count = answerCount();
    if (count >= questions - questionErrors) {
      drain = "complete";
      break;
    }
    if (count !== lastCount) [lastCount, lastProgress] = [count, Date.now()];
    else if (Date.now() - lastProgress > STALL_MS) {
      drain = "stalled";
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const drainedAfter = (Date.now() - (drainDeadline - DRAIN_SECONDS * 1000)) / 1000;
  await slack.settle(3000); // receipts and handler DMs of the last reports
  agent.destroy();
  const answers = slack.callsTo("chat.postMessage").filter(isAnswer);
  const answered = new Set(answers.map((c) => `${c.args.channel}`)).size;
  const cpu = cpuSeconds(bot.child.pid!) - cpuBefore;
  const driverCpu = process.cpuUsage(driverCpuBefore);
  // Counted once the bot has stopped: the embedded database has one owner at a time.
  bot.child.kill("SIGTERM");
  await new Promise((r) => bot.child.on("exit", r));
  const cases = await countRows(`SELECT count(*)::int AS n FROM report_case`).catch(() => -1);
  await slack.close();
  const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
  const missingAnswers = Math.max(0, questions - questionErrors - answers.length);
  const missingCases = Math.max(0, filedAnswers - cases);
  const lostLine =
    drain === "timed out" && missingAnswers
      ? `not lost: ${missingAnswers} answers still arriving when the wait ended after ${DRAIN_SECONDS} s (the bot was behind; BENCH_DRAIN_SECONDS waits longer), cases lost ${missingCases}`
      : `lost ${missingAnswers + missingCases} (answers ${missingAnswers}, cases ${missingCases}; every answer ${drain === "complete" ? "in" : "that came"} within ${drainedAfter.toFixed(0)} s of the end)`;
  const quantile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1);
  };
  const all = [...latencies, ...reportLatencies];
  console.log(
    [
      `${label.padEnd(9)} ${measuredCount} events in ${elapsed.toFixed(1)} s = ${(measuredCount / elapsed).toFixed(0)} req/s (after ${warmupCount} in a ${WARMUP_SECONDS} s warm-up: p99 ${quantile(warmupLatencies, 0.99) ?? "-"} ms)`,
      `ack p50 ${quantile(all, 0.5)} ms, p99 ${quantile(all, 0.99)} ms (questions ${quantile(latencies, 0.5)}/${quantile(latencies, 0.99)}, reports ${quantile(reportLatencies, 0.5)}/${quantile(reportLatencies, 0.99)}), errors ${errors}`,
      `answers ${answers.length} of ${questions} questions (conversations ${answered}), cases ${cases} of ${reports} reports (${filedAnswers} answered "Report filed", ${refused} given back${refused ? `: ${[...refusals].map(([k, n]) => `${n}× ${k}`).join(", ")}` : ""})`,
      lostLine,
      `duplicated ${Math.max(0, answers.length - (questions - questionErrors)) + Math.max(0, cases - filedAnswers)}`,
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
  const slack = await startFakeSlack();
  const bare = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl }, ["--import", "tsx", "bench/bareBolt.ts"]);
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
  await slack.close();
  const sorted = latencies.sort((a, b) => a - b);
  console.log(
    `bare Bolt ${SECONDS * RATE} DM events, acknowledge only: ack p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]?.toFixed(1)} ms, errors ${errors} | CPU per event: ${((cpu * 1000) / (SECONDS * RATE)).toFixed(2)} ms`,
  );
}

/**
 * BENCH_REPLICAS=2 (with BENCH_DATABASE_URL): that many bot processes on one PostgreSQL schema, the
 * driver spreading the same mix across them and retrying on another replica what one does not
 * answer within Slack's 3 s; replica 0 is SIGKILLed halfway and restarted 2 s later.
 */
async function replicas(count: number, pgUrl: string): Promise<void> {
  const { runReplicas } = await import("../test/support/replicas.ts");
  const schema = `bench_replicas_${Date.now().toString(36)}`;
  const url = new URL(pgUrl);
  url.searchParams.set("schema", schema);
  const result = await runReplicas({
    databaseUrl: url.toString(),
    replicas: count,
    seconds: SECONDS,
    rate: RATE,
    reportShare: 1 / REPORT_EVERY,
    warmupSeconds: WARMUP_SECONDS,
    killAtSeconds: WARMUP_SECONDS + SECONDS / 2,
    command: BOT,
    drainTimeoutMs: DRAIN_SECONDS * 1000,
  });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  const quantile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1) ?? "-";
  };
  const q = (p: number) => quantile(result.ackLatenciesMs, p);
  const events = result.questions + result.reports;
  const { answers, cases, handlerNotices: notices, receipts } = result;
  // How each delivery went: answered at its first attempt, or after a re-send (connection refused
  // or reset: the killed replica) or a Slack retry (no 200 within 3 s). All count in the p99 above.
  const answered = result.deliveries.filter((d) => d.sentAtMs >= result.measuredFromMs && d.attempts.at(-1)?.outcome === "ok");
  const firstTry = answered.filter((d) => d.attempts.length === 1);
  const again = answered.filter((d) => d.attempts.length > 1);
  const p99 = Number(q(0.99));
  const slow = answered.filter((d) => d.ms >= p99);
  const restartedAt = result.restartedAtMs;
  const cause = (d: (typeof answered)[number]) =>
    d.attempts.length > 1 ? `after ${d.attempts.slice(0, -1).map((a) => a.outcome).join("+")}` : restartedAt !== undefined && d.attempts[0]!.generation > count && d.sentAtMs < restartedAt + 5_000 ? "on the restarted replica, its first 5 s" : "first attempt, slow";
  // Where the tail is: the p99 of each stretch of the run, by when a delivery was first sent.
  const killAtMs = (WARMUP_SECONDS + SECONDS / 2) * 1000;
  const phases: Array<[string, (at: number) => boolean]> = [
    ["before the kill", (at) => at < killAtMs],
    ["while down", (at) => at >= killAtMs && (restartedAt === undefined || at < restartedAt)],
    ["the 5 s from its restart", (at) => restartedAt !== undefined && at >= restartedAt && at < restartedAt + 5_000],
    ["after that", (at) => restartedAt !== undefined && at >= restartedAt + 5_000],
  ];
  const byPhase = phases.map(([name, within]) => {
    const ms = answered.filter((d) => within(d.sentAtMs)).map((d) => d.ms);
    return `${name} ${quantile(ms, 0.99)} ms (${ms.length})`;
  });
  const causes = new Map<string, number>();
  for (const d of slow) causes.set(cause(d), (causes.get(cause(d)) ?? 0) + 1);
  console.log(
    [
      `${count} replicas ${events} events in ${result.elapsedS.toFixed(1)} s = ${(events / result.elapsedS).toFixed(0)} req/s, replica 0 SIGKILLed ${SECONDS / 2} s after the warm-up and restarted (${result.restarts})`,
      `after ${result.warmupLatenciesMs.length} in a ${WARMUP_SECONDS} s warm-up (p99 ${quantile(result.warmupLatenciesMs, 0.99)} ms): ack p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, over every delivery (${answered.length}), each from its first attempt to its 200, re-sends and retries included`,
      `${firstTry.length} answered at the first attempt (p99 ${quantile(firstTry.map((d) => d.ms), 0.99)} ms), ${again.length} after more (p50 ${quantile(again.map((d) => d.ms), 0.5)}, max ${quantile(again.map((d) => d.ms), 1)} ms): ${result.resent} re-sent at once to the other replica after a refused or reset connection, ${result.slackRetries} Slack retries after no 200 in 3 s, ${result.noneReady} attempts with no replica ready, ${result.failed} failed after Slack's 3 retries`,
      `p99 by when sent: ${byPhase.join(", ")}`,
      `the ${slow.length} at or over the p99: ${[...causes].map(([k, n]) => `${n} ${k}`).join(", ")}`,
      `answers ${answers.distinct} of ${result.questions} (lost ${answers.lost}, duplicated ${answers.duplicated}; ${answers.cutByKill} acknowledged by the killed replica and not yet answered when it died)`,
      `cases ${cases.rows} of ${result.reports} (lost ${cases.lost}, duplicated ${cases.duplicated}, given back ${cases.refused}; ${cases.filedShown} answered "Report filed", ${cases.alreadyFiledShown} "already filed" to a second submission)`,
      `handler notices ${notices.distinct} (missing ${notices.missing}, duplicated ${notices.duplicated}, sent again after the kill ${notices.resentAfterKill}), receipts ${receipts.distinct} (missing ${receipts.missing}, duplicated ${receipts.duplicated})`,
      result.drain === "timed out" ? `still arriving after ${DRAIN_SECONDS} s (not counted as lost)` : `wait ended: ${result.drain}`,
      `CPU per event after the warm-up: both replicas ${((result.cpuSeconds * 1000) / result.measured).toFixed(2)} ms`,
      `load average ${result.loadAverage.map((l) => l.toFixed(1)).join(" ")}`,
    ].join(" | "),
  );
}

const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
const loadAverage = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;

await bareBolt();
console.log(`          (${loadAverage()})`);

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
console.log(`          (${loadAverage()})`);

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
  console.log(`          (${loadAverage()})`);
  if (REPLICAS > 1) await replicas(REPLICAS, pgUrl);
} else {
  console.log("postgres  skipped (set BENCH_DATABASE_URL=postgres://… to run it)");
}
