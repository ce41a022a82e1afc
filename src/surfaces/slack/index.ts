import { App, type webApi } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import type { Policy } from "../../core/policy/load.ts";
import type { Logger } from "../../log.ts";
import type { RouteHandler } from "../../server.ts";
import { recordAsk } from "../../store/askStats.ts";
import type { PrismaClient } from "../../store/db.ts";
import { singleWorkspaceAuthorize } from "./authorize.ts";
import { boltLogger } from "./boltLogger.ts";
import { dedupeEvents } from "./dedupe.ts";
import { askPersonFlow } from "./flows/askPerson.ts";
import type { Advisor, SlackDeps, SlackFlows, Subcommand } from "./deps.ts";
import { registerAskActionListeners } from "./listeners/askActions.ts";
import { registerCommandListeners } from "./listeners/commands.ts";
import { registerHomeListeners } from "./listeners/home.ts";
import { registerMessageListeners } from "./listeners/messages.ts";
import { registerShortcutListeners } from "./listeners/shortcuts.ts";
import { placeholderFlows } from "./placeholders.ts";
import { SlackHttpReceiver } from "./receiver.ts";
import { helpMessage } from "./render/notices.ts";

export type { Interaction, SlackDeps, SlackFlows, Subcommand } from "./deps.ts";

/** Registers one group of listeners (one file in listeners/) on the Bolt app. */
export type ListenerGroup = (app: App, deps: SlackDeps) => void;

/** The Ask flows. Reports and approvals add their own groups next to these. */
export const ASK_LISTENERS: readonly ListenerGroup[] = [
  registerMessageListeners,
  registerCommandListeners,
  registerAskActionListeners,
  registerShortcutListeners,
  registerHomeListeners,
];

export interface SlackSurfaceOptions {
  config: Pick<Config, "SLACK_BOT_TOKEN" | "SLACK_SIGNING_SECRET" | "SLACK_APP_TOKEN" | "SLACK_API_URL">;
  logger: Logger;
  prisma: PrismaClient;
  policy: Policy;
  advisor: Advisor;
  /** People and roles: "Ask a person" names the asker's supervisor and the officers. */
  directory?: DirectoryService;
  /** Replaces placeholder flows (report, approval request, requests list, ask a person). */
  flows?: Partial<SlackFlows>;
  /** More `/conduct <word>` subcommands, or replacements for the built-in ones. */
  subcommands?: Record<string, Subcommand>;
  /** More listener groups (reports, approvals), registered after the Ask ones. */
  listeners?: readonly ListenerGroup[];
}

export interface SlackSurface {
  /** HTTP mode: the handler for `POST /slack/events`. Absent in Socket Mode. */
  requestListener?: RouteHandler;
  mode: "http" | "socket";
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack surface: a Bolt app with this product's listeners. HTTP mode (events, commands and
 * interactivity on one URL, verified with SLACK_SIGNING_SECRET) unless SLACK_APP_TOKEN selects
 * Socket Mode. SLACK_API_URL points the Web API client elsewhere (tests: a fake Slack).
 */
export function createSlackSurface(options: SlackSurfaceOptions): SlackSurface {
  const { config } = options;
  if (!config.SLACK_BOT_TOKEN) throw new Error("SLACK_BOT_TOKEN is required for the Slack surface");
  const logger = options.logger.child({ surface: "slack" });
  const clientOptions: webApi.WebClientOptions = config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {};
  const boltLog = boltLogger(logger);
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const receiver = socketMode ? undefined : new SlackHttpReceiver(config.SLACK_SIGNING_SECRET ?? "", logger);

  const app = new App({
    authorize: singleWorkspaceAuthorize(config.SLACK_BOT_TOKEN, { ...clientOptions, logger: boltLog }),
    logger: boltLog,
    clientOptions,
    convoStore: false, // state lives in the database, not in one replica's memory
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.SLACK_APP_TOKEN }),
  });
  app.use(dedupeEvents(options.prisma, logger));
  app.error(async (error) => {
    const data = (error as { data?: { error?: unknown } }).data;
    logger.error({ code: error.code, apiError: typeof data?.error === "string" ? data.error : undefined }, "a Slack listener failed");
  });

  const flows: SlackFlows = {
    ...placeholderFlows(options.policy),
    ...(options.directory ? { askPerson: askPersonFlow(options.directory) } : {}),
    ...options.flows,
  };
  const subcommands = new Map<string, Subcommand>([
    ["help", { run: ({ replyPrivately }) => replyPrivately(helpMessage()) }],
    ["report", { run: (interaction) => flows.startReport(interaction, {}), takesText: true }],
    ["requests", { run: (interaction) => flows.listRequests(interaction) }],
    ...Object.entries(options.subcommands ?? {}),
  ]);
  const deps: SlackDeps = {
    logger,
    prisma: options.prisma,
    policy: options.policy,
    advisor: options.advisor,
    recordAsk: (answer) => recordAsk(options.prisma, answer, new Date()),
    flows,
    subcommands,
  };
  for (const register of [...ASK_LISTENERS, ...(options.listeners ?? [])]) register(app, deps);

  return {
    mode: socketMode ? "socket" : "http",
    ...(receiver ? { requestListener: receiver.requestListener } : {}),
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
