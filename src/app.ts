import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Config } from "./config.ts";
import { loadPolicy, type Policy } from "./core/policy/load.ts";
import type { Logger } from "./log.ts";
import { createHttpServer, type RouteHandler } from "./server.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./store/db.ts";

export interface App {
  config: Config;
  policy: Policy;
  db: Database;
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
}

/** The composition root: config → policy → store → core → surfaces → HTTP server. */
export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const policy = loadPolicy(resolve(config.POLICY_FILE), resolve(config.POLICY_RULES_FILE));
  logger.info({ sections: policy.document.sections.length, topics: policy.rules.topics.length }, "policy loaded");

  const db =
    overrides.db ??
    (await openDatabase(overrides.database ?? (config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) })));
  logger.info({ db: db.kind }, "database ready");

  const routes = new Map<string, RouteHandler>();
  for (const line of surfaceStatus(config)) logger.info(line);

  const server = createHttpServer({ logger, routes, health: () => ({ status: "ok", db: db.kind }) });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(config.PORT, done));
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, `listening on http://localhost:${port}`);

  return {
    config,
    policy,
    db,
    server,
    port,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections?.();
      await db.close();
    },
  };
}

/** One line per surface, so someone without credentials knows what is off and how to turn it on. */
export function surfaceStatus(config: Config): string[] {
  return [
    config.SLACK_BOT_TOKEN
      ? `Slack: on (${config.SLACK_APP_TOKEN ? "Socket Mode" : "HTTP at POST /slack/events"})`
      : "Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to turn it on; see README)",
    config.MICROSOFT_APP_ID
      ? "Teams: on (POST /api/messages, Bot Framework auth)"
      : "Teams: off (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to turn it on; see README)",
  ];
}
