// Several bot processes on one PostgreSQL database, driven as Slack drives a load-balanced app:
// signed events and report submissions spread by a balancer (balancer.ts: only to replicas whose
// /readyz says ready, a refused or reset connection sent again at once to another) and retried as
// Slack retries what is not answered in 3 s (an event with X-Slack-Retry-Num; a person whose form
// did not answer presses Submit again). One replica can be SIGKILLed mid-run and restarted. Used by
// test/reliability/replicas.test.ts and `BENCH_REPLICAS=2 npm run bench:load`.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { readFileSync } from "node:fs";
import { connectionFailure, createBalancer, type Backend } from "./balancer.ts";
import { startFakeSlack, type SlackCall } from "./fakeSlack.ts";
import { BOT_TOKEN, FORM, SIGNING_SECRET, eventEnvelope, globalShortcut, imMessage, sign, viewSubmission } from "./slack.ts";
import { VIEWS } from "../../src/surfaces/slack/ids.ts";
import { reportValues } from "../slack/company.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const REPORTS_KEY = Buffer.alloc(32, 0x6b).toString("base64");
const REPORTERS = ["U0OMAR", "U0DANA", "U0ALEX", "U0JAMIE", "U0TAYLOR", "U0KIM", "U0ROSA", "U0LEE"];
const HANDLER_DM = "D0PRIYA"; // the ethics officer receives reports by default
const QUESTIONS = [
  "Can I accept concert tickets from a supplier?",
  "Can I use the company van to move house?",
  "Can we have beer at the office party?",
  "Can I give our source code to a partner?",
  "What time does the cafeteria open?",
];
/** Slack gives an app 3 s to answer before it counts the delivery as failed and retries. */
const SLACK_TIMEOUT_MS = 3_000;
const CASE_NUMBER = /C-\d{4}-\d{4,}/;

export interface ReplicaRunOptions {
  /** A PostgreSQL URL (with ?schema=… for a fresh schema) all replicas share. */
  databaseUrl: string;
  replicas?: number;
  seconds: number;
  rate: number;
  /**
   * Seconds driven first at the same rate, as the single-process bench does: a freshly started
   * Node process compiles its code lazily. They count for losses and duplicates, not for the
   * latency figures or the CPU per event (default 0). killAtSeconds counts from the very start.
   */
  warmupSeconds?: number;
  /** Share of requests that are report submissions (default 0.05). */
  reportShare?: number;
  /** When to SIGKILL replica 0 (seconds into the run; omit for no kill), and how long it stays down. */
  killAtSeconds?: number;
  downForMs?: number;
  /** Node arguments before the script (default: dist/main.js when built, else tsx src/main.ts). */
  command?: string[];
  /** How long to wait, at most, for every answer and notice once the driving ends (default 120 s). */
  drainTimeoutMs?: number;
  /** How long the driver waits for an answer before retrying elsewhere: Slack's 3 s by default (a test on a busy CI machine may allow more). */
  answerTimeoutMs?: number;
  label?: string;
}

export interface ReplicaRunResult {
  questions: number;
  reports: number;
  /** Attempts after a delivery's first: resent + slackRetries. */
  retries: number;
  /** Sent again at once to another ready replica after the connection was refused or reset (the replica was gone). */
  resent: number;
  /** Slack's retries (X-Slack-Retry-Num) after no 200 within 3 s, or no replica ready. */
  slackRetries: number;
  /** Attempts that found no replica ready (the balancer's 503). */
  noneReady: number;
  /** Requests no replica accepted after Slack's 3 retries. */
  failed: number;
  /** Every answered delivery after the warm-up, from its first attempt to its answer: retries and re-sends included. */
  ackLatenciesMs: number[];
  /** The same, of the deliveries sent during the warm-up. */
  warmupLatenciesMs: number[];
  /** Deliveries after the warm-up (the events the CPU figure is per), sent from this many ms into the run. */
  measured: number;
  measuredFromMs: number;
  /** Every delivery with its attempts, in the order they were answered (sentAtMs: ms after the start, warm-up included). */
  deliveries: Delivery[];
  elapsedS: number;
  /** lost: unanswered, other than cutByKill (acknowledged by the killed replica, unanswered when it died). */
  answers: { distinct: number; duplicated: number; lost: number; cutByKill: number };
  /** filedShown: forms whose answer said "Report filed: C-…"; alreadyFiledShown: "already filed" (a second submission). */
  cases: { rows: number; filedShown: number; alreadyFiledShown: number; duplicated: number; refused: number; lost: number };
  /** duplicated: other than resentAfterKill (sent by the killed replica, not yet marked sent, sent again after its lease). */
  handlerNotices: { distinct: number; duplicated: number; resentAfterKill: number; missing: number };
  receipts: { distinct: number; duplicated: number; missing: number };
  /** How the wait for answers and notices ended: all in, nothing more for 20 s, or still arriving at drainTimeoutMs. */
  drain: "complete" | "stalled" | "timed out";
  outbox: Record<string, number>;
  /** What the report answers said ("filed", a reason given back, …), counted. */
  reportAnswers: Record<string, number>;
  restarts: number;
  /** When the restarted replica was started (ms into the run), if one was. */
  restartedAtMs?: number;
  cpuSeconds: number;
  loadAverage: [number, number, number];
}

/** One request as delivered: when (ms into the run), how long to its answer, and each attempt. */
export interface Delivery {
  sentAtMs: number;
  ms: number;
  /** generation: which replica start took it (0: none); outcome "ok", "refused", "reset", "timeout", "late", "HTTP 5xx", "none ready", "gave up". */
  attempts: Array<{ generation: number; outcome: string; ms: number }>;
}

interface Replica extends Backend {
  child: ChildProcess;
  /** Requests sent to it and not yet answered. */
  inflight: number;
  alive: boolean;
  output: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** User + system CPU seconds a process has used (Linux /proc), 0 once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export async function runReplicas(options: ReplicaRunOptions): Promise<ReplicaRunResult> {
  const { databaseUrl, replicas: count = 2, seconds, rate, reportShare = 0.05, killAtSeconds, warmupSeconds = 0, downForMs = 2_000, drainTimeoutMs = 120_000 } = options;
  const label = options.label ?? "R";
  const answerTimeoutMs = options.answerTimeoutMs ?? SLACK_TIMEOUT_MS;
  const command = options.command ?? ["dist/main.js"];
  const slack = await startFakeSlack();
  const env = {
    PATH: process.env.PATH ?? "",
    LOG_LEVEL: "warn",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DIRECTORY_FILE: `${ROOT}directory.example.yaml`,
    REPORTS_ENCRYPTION_KEY: REPORTS_KEY,
    // The driver files as a handful of people, each far more often than anyone would: the per-person
    // limit would refuse most reports (counted apart, as refused, if it does).
    REPORTS_PER_DAY: "100000",
  };
  let cpuOfGone = 0;
  let generations = 0;
  const balancer = createBalancer();
  const start = async (): Promise<Replica> => {
    // LOG_LEVEL=info for the one line that names the port; the rest is dropped.
    const child = spawn(process.execPath, command, { cwd: ROOT, env: { ...env, LOG_LEVEL: "info" }, stdio: ["ignore", "pipe", "pipe"] });
    const replica: Replica = { generation: ++generations, child, port: 0, alive: false, output: "", inflight: 0 };
    const keep = (d: Buffer) => (replica.output = (replica.output + d).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    for (let i = 0; i < 1200 && !replica.port; i++) {
      if (child.exitCode !== null) break;
      replica.port = Number(/"port":(\d+)/.exec(replica.output)?.[1] ?? 0);
      if (!replica.port) await sleep(100);
    }
    if (!replica.port) throw new Error(`a replica did not start:\n${replica.output}`);
    replica.alive = true;
    child.once("exit", () => (replica.alive = false));
    // The balancer sends it requests once its /readyz says ready (migrated, directory imported,
    // surfaces started, warmed up), not before.
    balancer.add(replica);
    return replica;
  };
  const pool: Replica[] = [];
  // One after the other: the second replica finds the schema migrated (both racing is start.test's).
  for (let i = 0; i < count; i++) {
    pool.push(await start());
    if (!(await balancer.whenReady(i + 1, 120_000))) throw new Error(`replica ${i + 1} never became ready:\n${pool[i]!.output}`);
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const postOnce = (replica: Replica, body: string, type: string, retryNum: number) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const ts = Math.floor(Date.now() / 1000);
      const headers: Record<string, string | number> = { "content-type": type, "content-length": Buffer.byteLength(body), "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(body, ts) };
      if (retryNum > 0 && type === "application/json") Object.assign(headers, { "x-slack-retry-num": String(retryNum), "x-slack-retry-reason": "http_timeout" });
      const req = http.request(`http://127.0.0.1:${replica.port}/slack/events`, { method: "POST", agent, headers, timeout: answerTimeoutMs }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(body);
    });
  const counts = { resent: 0, slackRetries: 0, failed: 0, noneReady: 0 };
  const deliveries: Delivery[] = [];
  /**
   * One delivery as Slack makes it through the balancer: the first attempt and up to 3 retries
   * (X-Slack-Retry-Num) after an answer that did not come within 3 s or was not a 200. A connection
   * refused or reset (the replica is gone) is sent again at once to another ready replica, as the
   * balancer (or Slack's retry, which the balancer routes to a healthy replica) does. `body` per
   * attempt: an event is re-sent as it was; a form submitted again is a new payload (new trigger_id).
   * The latency recorded is from the first attempt to the answer, whatever happened in between.
   */
  const deliver = async (body: () => string, type: string): Promise<{ status: number; text: string; by: number; at: number } | undefined> => {
    const t0 = performance.now();
    const delivery: Delivery = { sentAtMs: t0 - began, ms: 0, attempts: [] };
    const attempt = async (retryNum: number) => {
      const tried = new Set<Replica>();
      for (;;) {
        const replica = balancer.pick(tried) as Replica | undefined;
        if (!replica) {
          // No replica ready: the balancer answers 503 and Slack retries.
          counts.noneReady++;
          delivery.attempts.push({ generation: 0, outcome: "none ready", ms: 0 });
          await sleep(100);
          return undefined;
        }
        const sentAt = performance.now();
        replica.inflight++;
        try {
          const res = await postOnce(replica, body(), type, retryNum + tried.size).finally(() => replica.inflight--);
          const ms = performance.now() - sentAt;
          // An answer after 3 s is one Slack no longer waits for: the delivery failed.
          const outcome = res.status !== 200 ? `HTTP ${res.status}` : ms > answerTimeoutMs ? "late" : "ok";
          delivery.attempts.push({ generation: replica.generation, outcome, ms });
          return outcome === "ok" ? { ...res, by: replica.generation, at: performance.now() } : undefined;
        } catch (error) {
          const failure = connectionFailure(error);
          delivery.attempts.push({ generation: replica.generation, outcome: failure ?? "timeout", ms: performance.now() - sentAt });
          if (!failure) return undefined; // timed out: Slack retries
          balancer.markDown(replica);
          tried.add(replica);
          counts.resent++;
        }
      }
    };
    for (let retryNum = 0; retryNum <= 3; retryNum++) {
      if (retryNum > 0) counts.slackRetries++;
      const answered = await attempt(retryNum);
      if (answered) {
        delivery.ms = performance.now() - t0;
        deliveries.push(delivery);
        return answered;
      }
    }
    delivery.ms = performance.now() - t0;
    delivery.attempts.push({ generation: 0, outcome: "gave up", ms: 0 });
    deliveries.push(delivery);
    counts.failed++;
    return undefined;
  };

  // The report form as the bot draws it, opened once; each submission then has its own view id.
  let began = performance.now();
  await deliver(() => globalShortcut(REPORTERS[0]!, "report_concern"), FORM);
  const isReportForm = (c: SlackCall) => c.method.startsWith("views.") && c.args.view?.callback_id === VIEWS.report;
  for (let i = 0; i < 300 && !slack.calls.some(isReportForm); i++) await sleep(100);
  const reportForm = slack.calls.find(isReportForm)?.args.view as Record<string, unknown>;
  if (!reportForm) throw new Error("the report form did not open");

  const reportEvery = Math.max(1, Math.round(1 / reportShare));
  const total = Math.round((warmupSeconds + seconds) * rate);
  const warmupCount = Math.round(warmupSeconds * rate);
  const questionChannels = new Set<string>();
  const reportViews = new Set<string>();
  // What the form said in the answer that reached the driver: filed (its case number), given back
  // with a reason (refused), or "already filed" (a second submission after a lost answer).
  const filedAnswers: Array<{ viewId: string; number: string }> = [];
  const refusedViews = new Set<string>();
  const alreadyFiledViews = new Set<string>();
  const reportAnswers: Record<string, number> = {}; // what the answers said, counted
  const inflight = new Set<Promise<void>>();
  let restarts = 0;
  let restartedAtMs: number | undefined;
  let reportsSent = 0;
  let killing: Promise<void> | undefined;
  let killed: { generation: number; at: number; wallAt: number } | undefined;
  const ackedBy = new Map<string, { by: number; at: number }>(); // question's DM channel → who acknowledged it, when
  began = performance.now();
  deliveries.length = 0; // the form's opening above is not part of the run
  let cpuStart = pool.reduce((sum, r) => sum + cpuSecondsOf(r.child.pid!), 0);
  let measuredFromMs = 0;
  for (let i = 0; i < total; i++) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    if (i === warmupCount && i > 0) {
      cpuStart = cpuOfGone + pool.reduce((sum, r) => sum + cpuSecondsOf(r.child.pid!), 0);
      measuredFromMs = performance.now() - began;
    }
    const isReport = i % reportEvery === reportEvery - 1;
    // One person per question, so that each answer names the event it answers (its DM channel).
    const user = `U0${label}Q${i}`;
    const viewId = `V0${label}R${i}`;
    const reporter = REPORTERS[(isReport ? reportsSent++ : 0) % REPORTERS.length]!;
    const event = isReport ? "" : JSON.stringify(eventEnvelope(imMessage(user, QUESTIONS[i % QUESTIONS.length]!), `Ev${label}${i}`));
    // Confidential: the receipt DM names its case, so receipts can be counted per case (an anonymous
    // reporter gets only a neutral "private update", which names nothing).
    const body = isReport ? () => viewSubmission({ user: reporter, viewId, view: reportForm, values: reportValues({ mode: { type: "radio_buttons", selected_option: { value: "confidential" } } }) }) : () => event;
    (isReport ? reportViews.add(viewId) : questionChannels.add(`D${user.slice(1)}`));
    // Round robin (the balancer's), reports too.
    const p = deliver(body, isReport ? FORM : "application/json")
      .then((res) => {
        if (!res) return;
        if (!isReport) return void ackedBy.set(`D${user.slice(1)}`, { by: res.by, at: res.at });
        const view = res.text ? (JSON.parse(res.text) as { view?: { title?: { text?: string } } }).view : undefined;
        const number = CASE_NUMBER.exec(JSON.stringify(view ?? {}))?.[0];
        if (view?.title?.text === "Report filed" && number) filedAnswers.push({ viewId, number });
        else if (view?.title?.text === "Report filed") alreadyFiledViews.add(viewId);
        else if (view?.title?.text === "Report a concern") refusedViews.add(viewId);
        const said = number ? "filed" : view ? (/:warning: \*([^*]{0,70})/.exec(JSON.stringify(view))?.[1] ?? String(view.title?.text)) : `no view: ${res.text.slice(0, 70)}`;
        reportAnswers[said] = (reportAnswers[said] ?? 0) + 1;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
    // SIGKILL while it holds requests (a replica under load always does): no shutdown, the requests
    // in flight on it are cut; back after downForMs.
    if (killAtSeconds !== undefined && !killing && performance.now() - began >= killAtSeconds * 1000 && pool[0]!.inflight > 0) {
      const victim = pool[0]!;
      cpuOfGone += cpuSecondsOf(victim.child.pid!);
      victim.child.kill("SIGKILL");
      killed = { generation: victim.generation, at: performance.now(), wallAt: Date.now() };
      killing = (async () => {
        await new Promise((r) => (victim.child.exitCode !== null || victim.child.signalCode !== null ? r(null) : victim.child.once("exit", r)));
        await sleep(downForMs);
        // Its replacement (a new address here, as a new pod's): the balancer forgets the old one.
        balancer.remove(victim);
        restartedAtMs = performance.now() - began;
        pool[0] = await start();
        restarts++;
      })();
    }
  }
  await Promise.all(inflight);
  await killing;
  const elapsedS = (performance.now() - began) / 1000;

  // Every question answered once, every report shown as filed and its handler told: wait for
  // them while they keep arriving, up to drainTimeoutMs.
  const answersIn = () => slack.callsTo("chat.postMessage").filter((c) => questionChannels.has(String(c.args.channel)));
  const noticesIn = () => slack.callsTo("chat.postMessage").filter((c) => c.args.channel === HANDLER_DM && CASE_NUMBER.test(JSON.stringify(c.args)));
  // Ends when all are in, when nothing more came for 20 s (what is missing then is missing), or at
  // drainTimeoutMs while they still arrive (the bot is behind: not a loss).
  const drainDeadline = Date.now() + drainTimeoutMs;
  let drain: ReplicaRunResult["drain"] = "timed out";
  let progress = { calls: -1, at: Date.now() };
  while (Date.now() < drainDeadline) {
    const answered = new Set(answersIn().map((c) => c.args.channel)).size;
    const told = new Set(noticesIn().map((c) => CASE_NUMBER.exec(JSON.stringify(c.args))![0])).size;
    if (answered >= questionChannels.size && told >= filedAnswers.length) {
      drain = "complete";
      break;
    }
    if (slack.calls.length !== progress.calls) progress = { calls: slack.calls.length, at: Date.now() };
    else if (Date.now() - progress.at > 20_000) {
      drain = "stalled";
      break;
    }
    await sleep(250);
  }
  // The outbox is done when nothing is pending: a notice the killed replica had claimed waits out
  // its lease (60 s) first, and is then sent by a live replica (again, if it had been sent).
  const { default: pg } = await import("pg");
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const pendingNow = async () => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".outbox_message WHERE status = 'pending'`)).rows[0]!.n;
  for (const until = Date.now() + 120_000; Date.now() < until && (await pendingNow()) > 0; ) await sleep(500);
  await slack.settle(3_000); // anything more (a duplicate) would arrive now

  const cpuSeconds = cpuOfGone + pool.reduce((sum, r) => sum + cpuSecondsOf(r.child.pid!), 0) - cpuStart;
  agent.destroy();
  balancer.close();
  for (const replica of pool) {
    if (replica.child.exitCode === null) {
      replica.child.kill("SIGTERM");
      await new Promise((r) => replica.child.once("exit", r));
    }
  }

  const counted = (values: string[]) => {
    const times = new Map<string, number>();
    for (const v of values) times.set(v, (times.get(v) ?? 0) + 1);
    return { distinct: times.size, duplicated: [...times.values()].reduce((sum, n) => sum + n - 1, 0), seen: times };
  };
  const answers = counted(answersIn().map((c) => String(c.args.channel)));
  // Unanswered questions the killed replica had acknowledged before it died: Bolt acknowledges an
  // event before its listener runs, so one acknowledged and not yet answered dies with the process.
  const unanswered = [...questionChannels].filter((channel) => !answers.seen.has(channel));
  const cutByKill = unanswered.filter((channel) => {
    const ack = ackedBy.get(channel);
    return killed && ack && ack.by === killed.generation && ack.at <= killed.at;
  }).length;
  const filedViews = counted(filedAnswers.map((a) => a.viewId));
  // The form given back with a reason (nothing filed): not lost, the person sees why.
  const refused = refusedViews.size;
  const notices = counted(noticesIn().map((c) => CASE_NUMBER.exec(JSON.stringify(c.args))![0]));
  // Second copies of a notice whose first copy arrived before the kill and the second after: the
  // killed replica had sent it and not yet marked it sent (the outbox is at-least-once there).
  const noticeTimes = new Map<string, number[]>();
  for (const c of noticesIn()) {
    const n = CASE_NUMBER.exec(JSON.stringify(c.args))![0];
    noticeTimes.set(n, [...(noticeTimes.get(n) ?? []), c.at!]);
  }
  const resentAfterKill = killed ? [...noticeTimes.values()].filter((times) => times.length === 2 && times[0]! <= killed!.wallAt && times[1]! > killed!.wallAt).length : 0;
  const receiptCalls = slack.callsTo("chat.postMessage").filter((c) => c.args.channel !== HANDLER_DM && REPORTERS.some((u) => c.args.channel === `D${u.slice(1)}`) && CASE_NUMBER.test(JSON.stringify(c.args)));
  const receipts = counted(receiptCalls.map((c) => CASE_NUMBER.exec(JSON.stringify(c.args))![0]));
  await slack.close();

  let caseRows = -1;
  let caseNumbers: string[] = [];
  const outbox: Record<string, number> = {};
  try {
    caseNumbers = (await client.query<{ number: string }>(`SELECT number FROM "${schema}".report_case`)).rows.map((r) => r.number);
    caseRows = caseNumbers.length;
    for (const row of (await client.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM "${schema}".outbox_message GROUP BY status`)).rows) outbox[row.status] = row.n;
  } finally {
    await client.end();
  }
  return {
    questions: questionChannels.size,
    reports: reportViews.size,
    retries: counts.resent + counts.slackRetries,
    resent: counts.resent,
    slackRetries: counts.slackRetries,
    noneReady: counts.noneReady,
    failed: counts.failed,
    ackLatenciesMs: deliveries.filter((d) => d.sentAtMs >= measuredFromMs && d.attempts.at(-1)?.outcome === "ok").map((d) => d.ms),
    warmupLatenciesMs: deliveries.filter((d) => d.sentAtMs < measuredFromMs && d.attempts.at(-1)?.outcome === "ok").map((d) => d.ms),
    measured: deliveries.filter((d) => d.sentAtMs >= measuredFromMs).length,
    measuredFromMs,
    deliveries,
    elapsedS,
    answers: { distinct: answers.distinct, duplicated: answers.duplicated, lost: unanswered.length - cutByKill, cutByKill },
    cases: {
      rows: caseRows,
      filedShown: filedViews.distinct,
      alreadyFiledShown: alreadyFiledViews.size,
      // A case no form showed as filed was filed twice (a second submission of the same form) or not shown.
      duplicated: Math.max(0, caseRows - (reportViews.size - refused)),
      refused,
      lost: Math.max(0, reportViews.size - refused - caseRows),
    },
    handlerNotices: { distinct: notices.distinct, duplicated: notices.duplicated - resentAfterKill, resentAfterKill, missing: caseNumbers.filter((n) => !notices.seen.has(n)).length },
    receipts: { distinct: receipts.distinct, duplicated: receipts.duplicated, missing: caseNumbers.filter((n) => !receipts.seen.has(n)).length },
    drain,
    reportAnswers,
    outbox,
    restarts,
    ...(restartedAtMs !== undefined ? { restartedAtMs } : {}),
    cpuSeconds,
    loadAverage: (await import("node:os")).loadavg() as [number, number, number],
  };
}
