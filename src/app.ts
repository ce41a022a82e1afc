import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Config } from "./config.ts";
import { createAdvisor, type Advisor } from "./core/advice/index.ts";
import type { ApprovalService } from "./core/approvals/service.ts";
import type { CaseService } from "./core/cases/service.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import type { RateLimits } from "./core/limits/rateLimit.ts";
import type { Keyring } from "./core/crypto/keyring.ts";
import type { DirectoryService } from "./core/directory/service.ts";
import { composeCores, composeDirectory, composeSlackData, composeTeamsData, openConfiguredDatabase } from "./compose.ts";
import { loadPolicy, type Policy } from "./core/policy/load.ts";
import { directoryRolesOf } from "./core/policy/roles.ts";
import type { Logger } from "./log.ts";
import { createMetrics, timedRoute, type Metrics } from "./metrics.ts";
import { createHttpServer, type RouteHandler } from "./server.ts";
import type { Database, DatabaseOptions } from "./store/db.ts";
import { storeEventKeysAs } from "./store/processedEvents.ts";
import { lazyTeamsSurface, loadTeamsSurface, LOCAL_MODE_WARNING } from "./surfaces/teams/lazy.ts";
import { createWorker, type NotificationChannel } from "./worker.ts";
import { warmUp } from "./warmUp.ts";
import { createWebConsole, type WebConsole } from "./surfaces/web/index.ts";
import { sealUnkeyedAudit, type AuditContext } from "./store/audit.ts";
import { logAuditHead, maintenanceJobHandlers, scheduleMaintenance } from "./store/maintenance.ts";
import type { RetentionDays } from "./store/prune.ts";

export type Worker = ReturnType<typeof createWorker>;

const EVENT_KEY_PURPOSE = "event-key";

export interface App {
  config: Config;
  policy: Policy;
  db: Database;
  /** People, supervisors and Code roles (DirectoryQueries), enrolment and imports. */
  directory: DirectoryService;
  /** The Report core (confidential reports, relay, deadlines). */
  cases: CaseService;
  /** The Approve core (requests, decisions, reminders, escalations). */
  approvals: ApprovalService;
  /** How fast one person may ask and file (the surfaces and the cases core share them). */
  limits: RateLimits;
  /** Fires persisted timers and delivers the outbox through `channels`; `tick()` runs one pass. */
  worker: Worker;
  /** The platforms notifications go out on, in order of preference (a person on several gets the first). */
  channels: NotificationChannel[];
  clock: Clock;
  /** The handlers' web console under /console (sign-in links come through chat). */
  web: WebConsole;
  /** Prometheus metrics, served at GET /metrics. */
  metrics: Metrics;
  server: Server;
  /** The port actually bound (useful when PORT=0). */
  port: number;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** Where to open the database instead of DATABASE_URL / DATA_DIR. */
  database?: DatabaseOptions;
  /** An already opened database (tests: a fresh in-memory one); the app closes it. */
  db?: Database;
  /** Tests: where Teams fetches the Bot Framework's token signing keys (a local key server). */
  teamsOpenIdMetadataUrl?: string;
  /** Time for the cores and the worker (tests: a manual clock, to drive deadlines and retries). */
  clock?: Clock;
  /** The report keys instead of REPORTS_ENCRYPTION_KEY / the key file in DATA_DIR (tests). */
  keyring?: Keyring;
  /** How often the worker runs a pass (default 1000 ms); 0 leaves it stopped (tests call app.worker.tick()). */
  workerIntervalMs?: number;
  /**
   * Called once if the embedded database's thread stops unexpectedly (not on close()): every later
   * query would fail, so main exits and the supervisor restarts the bot. Library code never exits.
   */
  onDatabaseStopped?: () => void;
  /** How long /healthz waits for the database (default 2000 ms). */
  healthTimeoutMs?: number;
  /** Check the Slack token with auth.test at start and log the result (main does; tests count Slack calls). */
  checkSlackToken?: boolean;
  /** Warm up (warmUp.ts) before /readyz says ready: main does; tests that start many apps skip its second or so. */
  warmUp?: boolean;
}

/** The server: config → policy → store and cores (compose.ts) → surfaces → HTTP server. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const policy = loadPolicy(resolve(config.POLICY_FILE), resolve(config.POLICY_RULES_FILE));
  logger.info({ sections: policy.document.sections.length, topics: policy.rules.topics.length }, "policy loaded");

  const db =
    overrides.db ??
    (await openConfiguredDatabase(config, overrides.database));
  logger.info({ db: db.kind }, "database ready");
  if (db.replacedStaleLock) logger.warn({ pid: db.replacedStaleLock.pid }, `DATA_DIR was locked by ${db.replacedStaleLock.command}, which is no longer running (killed or crashed): lock cleared`);
  db.onStopped((error) => {
    // The type only: a crash's message could quote a statement or its parameters.
    logger.fatal({ db: db.kind, err: { type: error.name } }, "the embedded database stopped unexpectedly");
    overrides.onDatabaseStopped?.();
  });

  const clock = overrides.clock ?? systemClock;
  const directory = composeDirectory(db.prisma, clock, {
    allowedOrganisations: config.SLACK_ALLOWED_TEAMS,
    allowGuests: config.ALLOW_GUESTS,
  }, directoryRolesOf(policy.rules));
  if (config.DIRECTORY_FILE) {
    const imported = await directory.importFile(config.DIRECTORY_FILE).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    const { total, created, updated, deactivated, merged } = imported;
    logger.info({ people: total, created, updated, deactivated, merged }, "directory imported");
  }

  const cores = composeCores({ config, db, policy, directory, clock, logger, ...(overrides.keyring ? { keyring: overrides.keyring } : {}) });
  const { keyring, auditKeys, limits, cases, approvals } = cores;
  await startAuditLog(db.prisma, { clock, auditKeys }, logger.child({ component: "audit" }));
  // De-duplication keys name DM channels and conversations: stored as keyed hashes (see processedEvents.ts).
  if (keyring.available) storeEventKeysAs(db.prisma, (key) => keyring.mac(EVENT_KEY_PURPOSE, key));
  /** Delivery platforms; each surface that can reach people adds its channel (Slack first). */
  const channels: NotificationChannel[] = [];

  const routes = new Map<string, RouteHandler>();
  const mounts = new Map<string, RouteHandler>();
  // The port is known once listening (PORT=0 in tests), so the default public URL is read late.
  let port = config.PORT;
  const publicUrl = () => config.PUBLIC_URL ?? `http://localhost:${port}`;
  const web = createWebConsole({
    signIn: cores.signIn,
    cases,
    approvals,
    oversight: cores.oversight,
    directory,
    clock,
    publicUrl,
    logger: logger.child({ surface: "web" }),
  });
  mounts.set("/console", web.handle);
  const signInLink = (personId: string) => web.signInLink(personId);
  for (const line of surfaceStatus(config)) logger.info(line);

  const state = { surfaces: false, warm: false, stopping: false };
  const metrics = createMetrics(db.prisma, clock);
  const plainAdvisor = createAdvisor(policy);
  const advisor = countingVerdicts(plainAdvisor, metrics);
  // The warm-up's own requests (before ready) are not acknowledgements anyone waited for.
  const acksCount = () => state.warm;
  const teamsOptions = {
    logger,
    data: composeTeamsData(db.prisma),
    policy,
    advisor,
    asking: limits.asking,
    directory,
    cores: { directory, cases, approvals },
    signInLink,
    metrics,
    credentials: {
      appId: config.MICROSOFT_APP_ID,
      appPassword: config.MICROSOFT_APP_PASSWORD,
      tenantId: config.MICROSOFT_APP_TENANT_ID,
      openIdMetadataUrl: overrides.teamsOpenIdMetadataUrl,
    },
    access: { tenants: config.MICROSOFT_ALLOWED_TENANTS, serviceHosts: config.TEAMS_SERVICE_HOSTS },
  };
  // Without credentials POST /api/messages is not even mounted, unless local mode is asked for.
  // With credentials Teams loads now; in local mode only when first used (see lazy.ts).
  const localTeams = !config.MICROSOFT_APP_ID && config.TEAMS_LOCAL_MODE;
  if (localTeams) logger.child({ surface: "teams" }).warn(LOCAL_MODE_WARNING);
  const teams = config.MICROSOFT_APP_ID ? await loadTeamsSurface(teamsOptions) : localTeams ? lazyTeamsSurface(teamsOptions) : undefined;
  if (teams) routes.set("POST /api/messages", timedRoute(metrics, "teams", teams.handle, acksCount));

  // Bolt loads only when Slack is configured (as Teams' libraries only when used: see lazy.ts).
  const slack = config.SLACK_BOT_TOKEN
    ? (await import("./surfaces/slack/index.ts")).createSlackSurface({ config, logger, data: composeSlackData(db.prisma), policy, advisor, asking: limits.asking, directory, cases, approvals, clock, signInLink, metrics })
    : undefined;
  if (slack?.requestListener) routes.set("POST /slack/events", timedRoute(metrics, "slack", slack.requestListener, acksCount));
  if (slack?.channel) channels.push(slack.channel);
  if (slack?.answers) channels.push(slack.answers);
  if (teams?.notifications) channels.push(teams.notifications);

  const worker = createWorker({
    prisma: db.prisma,
    directory,
    channels,
    jobHandlers: { ...cores.jobHandlers, ...maintenanceJobHandlers({ clock, logger: logger.child({ component: "maintenance" }), retention: retentionOf(config) }) },
    sealedRecipientOf: (message) => cases.reporterNoticeRecipient(message),
    clock,
    logger: logger.child({ component: "worker" }),
    intervalMs: overrides.workerIntervalMs || 1_000,
    metrics,
    afterDeliveries: [cases.rerouteUndelivered],
  });

  const healthTimeoutMs = overrides.healthTimeoutMs ?? 2_000;
  const health = async () => {
    const error = await pingDatabase(db, healthTimeoutMs);
    if (!error) return { status: 200, body: { status: "ok", db: db.kind } };
    logger.warn({ db: db.kind, err: { type: error.name } }, "health check: database unavailable");
    return { status: 503, body: { status: "unavailable", db: db.kind } };
  };
  // Ready = migrated (openDatabase did), directory imported (above), surfaces started and warmed
  // up (below) and the database answering; false again once close() begins, so a load balancer
  // drains this replica.
  const ready = async () => {
    const dbError = state.surfaces && state.warm && !state.stopping ? await pingDatabase(db, healthTimeoutMs) : undefined;
    const checks = { migrated: true, directory: config.DIRECTORY_FILE ? "imported" : "not configured", surfaces: state.warm ? "started" : state.surfaces ? "warming up" : "starting", database: dbError ? "unavailable" : "ok" };
    const status = state.stopping ? "stopping" : !state.surfaces || !state.warm ? "starting" : dbError ? "unavailable" : "ready";
    return { status: status === "ready" ? 200 : 503, body: { status, ...checks } };
  };
  const server = createHttpServer({
    logger,
    routes,
    mounts,
    health,
    ready,
    metrics: { contentType: metrics.registry.contentType, render: () => metrics.registry.metrics(), ...(config.METRICS_TOKEN ? { token: config.METRICS_TOKEN } : {}) },
  });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(config.PORT, done));
  port = (server.address() as AddressInfo).port;
  logger.info({ port }, `listening on http://localhost:${port}`);
  logger.info(`Web console: ${publicUrl()}/console (sign in with /conduct console in Slack or "console" in Teams)`);
  await slack?.start(); // Socket Mode connects out; HTTP mode has nothing to start
  if (overrides.checkSlackToken) await slack?.checkToken();
  const people = await db.prisma.person.count({ where: { active: true } });
  if (!people) logger.warn("The directory is empty: nobody can report or request approvals yet. Set DIRECTORY_FILE (see directory.example.yaml) or run `npx conduct directory import FILE`.");
  if (overrides.workerIntervalMs !== 0) {
    // Daily housekeeping only where the worker runs on its own (tests tick it by hand).
    await scheduleMaintenance(db.prisma, clock);
    worker.start();
  }
  state.surfaces = true;
  if (overrides.warmUp) {
    const warming = performance.now();
    await warmUp({
      db,
      advisor: plainAdvisor,
      questions: policy.rules.topics.flatMap((topic) => topic.examples),
      surfaces: slack?.warmUp ? [(answers) => slack.warmUp!(answers, `http://127.0.0.1:${port}`)] : [],
    });
    logger.info({ ms: Math.round(performance.now() - warming) }, "warmed up");
  }
  state.warm = true;

  return {
    config,
    policy,
    db,
    directory,
    cases,
    approvals,
    limits,
    worker,
    channels,
    clock,
    web,
    metrics,
    server,
    port,
    async close() {
      state.stopping = true;
      // Draining: /readyz now says "stopping"; requests are still served until the balancer has seen it.
      if (config.SHUTDOWN_DRAIN_SECONDS) await new Promise((drained) => setTimeout(drained, config.SHUTDOWN_DRAIN_SECONDS * 1000));
      await worker.stop();
      await slack?.stop();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections?.();
      await db.close();
    },
  };
}

/** Seals entries written before keying, says when there is no key, and logs the head. */
async function startAuditLog(prisma: Database["prisma"], ctx: AuditContext, logger: Logger): Promise<void> {
  if (!ctx.auditKeys.available) logger.warn("no audit key (AUDIT_KEY or REPORTS_ENCRYPTION_KEY): the audit log is hash-chained only, so someone with write access to the database could rewrite it unseen");
  const sealed = await sealUnkeyedAudit(prisma, ctx);
  if (sealed) logger.info({ entries: sealed }, "audit log: sealed the entries written before it was keyed");
  await logAuditHead(prisma, logger);
}

export const retentionOf = (config: Config): RetentionDays => ({
  dedupe: config.DEDUPE_RETENTION_DAYS,
  sentOutbox: config.OUTBOX_RETENTION_DAYS,
  messageRegistry: config.MESSAGE_REGISTRY_RETENTION_DAYS,
});

/** The advisor, counting each answer's verdict. */
function countingVerdicts(advisor: Advisor, metrics: Metrics): Advisor {
  return {
    advise(question) {
      const answer = advisor.advise(question);
      metrics.answer(answer.verdict);
      return answer;
    },
  };
}

/** Runs `SELECT 1`; resolves to why it failed or timed out (a load balancer should not wait long), or undefined. */
async function pingDatabase(db: Database, timeoutMs: number): Promise<Error | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(Object.assign(new Error("database health check timed out"), { name: "TimeoutError" })), timeoutMs);
  });
  try {
    await Promise.race([db.prisma.$queryRaw`SELECT 1`, timeout]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** One line per surface, so someone without credentials knows what is off and how to turn it on. */
export function surfaceStatus(config: Config): string[] {
  return [
    config.SLACK_BOT_TOKEN
      ? `Slack: configured (${config.SLACK_APP_TOKEN ? "Socket Mode" : "HTTP at POST /slack/events"}); its token is checked once the server is up`
      : "Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on; see README)",
    config.MICROSOFT_APP_ID
      ? "Teams: on (POST /api/messages, Bot Framework auth)"
      : config.TEAMS_LOCAL_MODE
        ? "Teams: local mode (TEAMS_LOCAL_MODE=true) – POST /api/messages without authentication, served only to clients on this machine"
        : "Teams: off – POST /api/messages is not mounted (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn it on, or TEAMS_LOCAL_MODE=true to try it locally; see README)",
  ];
}
