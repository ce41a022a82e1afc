import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Config } from "./config.ts";
import { createAdvisor } from "./core/advice/index.ts";
import { createApprovalService, type ApprovalService } from "./core/approvals/service.ts";
import { createCaseService, type CaseService } from "./core/cases/service.ts";
import { systemClock, type Clock } from "./core/clock.ts";
import type { Keyring } from "./core/crypto/keyring.ts";
import { loadKeyring } from "./core/crypto/loadKeyring.ts";
import { createDirectoryService, type DirectoryService } from "./core/directory/service.ts";
import { loadPolicy, type Policy } from "./core/policy/load.ts";
import type { Logger } from "./log.ts";
import { createHttpServer, type RouteHandler } from "./server.ts";
import { approvalJobHandlers, createApprovalStore } from "./store/approvals.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./store/db.ts";
import { createDirectoryRepository } from "./store/directoryRepo.ts";
import { createSlackSurface } from "./surfaces/slack/index.ts";
import { createTeamsSurface } from "./surfaces/teams/index.ts";
import { createWorker, type NotificationChannel } from "./worker.ts";

export type Worker = ReturnType<typeof createWorker>;

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
  /** Fires persisted timers and delivers the outbox through `channels`; `tick()` runs one pass. */
  worker: Worker;
  /** The platforms notifications go out on, in order of preference (a person on several gets the first). */
  channels: NotificationChannel[];
  clock: Clock;
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
}

/** The composition root: config → policy → store → core → surfaces → HTTP server. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const policy = loadPolicy(resolve(config.POLICY_FILE), resolve(config.POLICY_RULES_FILE));
  logger.info({ sections: policy.document.sections.length, topics: policy.rules.topics.length }, "policy loaded");

  const db =
    overrides.db ??
    (await openDatabase(overrides.database ?? (config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) })));
  logger.info({ db: db.kind }, "database ready");
  db.onStopped((error) => {
    // The type only: a crash's message could quote a statement or its parameters.
    logger.fatal({ db: db.kind, err: { type: error.name } }, "the embedded database stopped unexpectedly");
    overrides.onDatabaseStopped?.();
  });

  const clock = overrides.clock ?? systemClock;
  const directory = createDirectoryService(createDirectoryRepository(db.prisma), () => clock.now(), {
    allowedOrganisations: config.SLACK_ALLOWED_TEAMS,
    allowGuests: config.ALLOW_GUESTS,
  });
  if (config.DIRECTORY_FILE) {
    const imported = await directory.importFile(config.DIRECTORY_FILE).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    const { total, created, updated, deactivated, merged } = imported;
    logger.info({ people: total, created, updated, deactivated, merged }, "directory imported");
  }

  const keyring = overrides.keyring ?? loadKeyring(config, db.kind, logger);
  const cases = createCaseService({ prisma: db.prisma, directory, clock, keyring, logger: logger.child({ core: "cases" }), retentionDays: config.RETENTION_DAYS });
  const approvalStore = createApprovalStore(db.prisma, clock);
  const approvals = createApprovalService({ store: approvalStore, directory, policy, clock, config });
  /** Delivery platforms; each surface that can reach people adds its channel (Slack first). */
  const channels: NotificationChannel[] = [];

  const routes = new Map<string, RouteHandler>();
  for (const line of surfaceStatus(config)) logger.info(line);

  const advisor = createAdvisor(policy);
  // Without credentials POST /api/messages is not even mounted, unless local mode is asked for.
  const teams =
    config.MICROSOFT_APP_ID || config.TEAMS_LOCAL_MODE
      ? createTeamsSurface({
          logger,
          prisma: db.prisma,
          policy,
          advisor,
          directory,
          cores: { directory, cases, approvals },
          credentials: {
            appId: config.MICROSOFT_APP_ID,
            appPassword: config.MICROSOFT_APP_PASSWORD,
            tenantId: config.MICROSOFT_APP_TENANT_ID,
            openIdMetadataUrl: overrides.teamsOpenIdMetadataUrl,
          },
          access: { tenants: config.MICROSOFT_ALLOWED_TENANTS, serviceHosts: config.TEAMS_SERVICE_HOSTS },
        })
      : undefined;
  if (teams) routes.set("POST /api/messages", teams.handle);

  const slack = config.SLACK_BOT_TOKEN ? createSlackSurface({ config, logger, prisma: db.prisma, policy, advisor, directory, cases, approvals, clock }) : undefined;
  if (slack?.requestListener) routes.set("POST /slack/events", slack.requestListener);
  if (slack?.channel) channels.push(slack.channel);
  if (teams?.notifications) channels.push(teams.notifications);

  const worker = createWorker({
    prisma: db.prisma,
    directory,
    channels,
    jobHandlers: { ...cases.jobHandlers, ...approvalJobHandlers(approvalStore, approvals) },
    clock,
    logger: logger.child({ component: "worker" }),
    intervalMs: overrides.workerIntervalMs || 1_000,
  });

  const healthTimeoutMs = overrides.healthTimeoutMs ?? 2_000;
  const health = async () => {
    const error = await pingDatabase(db, healthTimeoutMs);
    if (!error) return { status: 200, body: { status: "ok", db: db.kind } };
    logger.warn({ db: db.kind, err: { type: error.name } }, "health check: database unavailable");
    return { status: 503, body: { status: "unavailable", db: db.kind } };
  };
  const server = createHttpServer({ logger, routes, health });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(config.PORT, done));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, `listening on http://localhost:${port}`);
  await slack?.start(); // Socket Mode connects out; HTTP mode has nothing to start
  if (overrides.workerIntervalMs !== 0) worker.start();

  return {
    config,
    policy,
    db,
    directory,
    cases,
    approvals,
    worker,
    channels,
    clock,
    server,
    port,
    async close() {
      await worker.stop();
      await slack?.stop();
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections?.();
      await db.close();
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
      ? `Slack: on (${config.SLACK_APP_TOKEN ? "Socket Mode" : "HTTP at POST /slack/events"})`
      : "Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on; see README)",
    config.MICROSOFT_APP_ID
      ? "Teams: on (POST /api/messages, Bot Framework auth)"
      : config.TEAMS_LOCAL_MODE
        ? "Teams: local mode (TEAMS_LOCAL_MODE=true) – POST /api/messages without authentication, served only to clients on this machine"
        : "Teams: off – POST /api/messages is not mounted (set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to turn it on, or TEAMS_LOCAL_MODE=true to try it locally; see README)",
  ];
}
