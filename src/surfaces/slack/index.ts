import type { RateLimiter } from "../../core/limits/rateLimit.ts";
import { App, webApi } from "@slack/bolt";
import type { Config } from "../../config.ts";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import { systemClock, type Clock } from "../../core/clock.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import type { Policy } from "../../core/policy/load.ts";
import type { Logger } from "../../log.ts";
import type { Metrics } from "../../metrics.ts";
import type { RouteHandler } from "../../server.ts";
import type { NotificationChannel } from "../../worker.ts";
import { approvalMessages, type ApprovalMessages } from "./approvalMessages.ts";
import { singleWorkspaceAuthorize } from "./authorize.ts";
import { boltLogger } from "./boltLogger.ts";
import { dedupeEvents } from "./dedupe.ts";
import { ANSWER_KIND, answerFirst, answerSender, type AnswerQueue } from "./answerFirst.ts";
import { identifySender } from "./sender.ts";
import { listRequestsFlow, requestApprovalFlow } from "./flows/approval.ts";
import { askPersonFlow } from "./flows/askPerson.ts";
import { consoleLinkFlow, type SignInLink } from "./flows/console.ts";
import { delegationInteractions } from "../../interactions/delegation.ts";
import { feedbackInteraction } from "../../interactions/feedback.ts";
import { fileReportInteraction } from "../../interactions/fileReport.ts";
import { handlerCaseInteractions } from "../../interactions/handlerCase.ts";
import { reporterCaseInteractions } from "../../interactions/reporterCase.ts";
import { openDelegateFormFlow } from "./flows/delegation.ts";
import { publishHomeFlow, refreshHome } from "./flows/home.ts";
import { caseThreadFlow, caseThreadOf, startReportFlow } from "./flows/report.ts";
import type { Advisor, Interaction, SlackData, SlackDeps, SlackFlows, Subcommand } from "./deps.ts";
import { approvalListeners } from "./listeners/approvals.ts";
import { registerAskActionListeners } from "./listeners/askActions.ts";
import { registerCommandListeners } from "./listeners/commands.ts";
import { delegationListeners } from "./listeners/delegation.ts";
import { registerHomeListeners } from "./listeners/home.ts";
import { registerMessageListeners } from "./listeners/messages.ts";
import { receiptCheckListener, reportFormListener } from "./listeners/reportForm.ts";
import { reportListeners } from "./listeners/reports.ts";
import { registerShortcutListeners } from "./listeners/shortcuts.ts";
import { createSlackNotificationChannel } from "./notify.ts";
import { placeholderFlows } from "./placeholders.ts";
import { kindOf, SlackHttpReceiver } from "./receiver.ts";
import { slackWarmUp } from "./warmUp.ts";
import type { Answer } from "../../core/advice/index.ts";
import { helpMessage } from "./render/notices.ts";
import type { SlackCores } from "./services.ts";

export type { Interaction, SlackData, SlackDeps, SlackFlows, Subcommand } from "./deps.ts";

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
  /** Its de-duplication, counts and posted messages (composeSlackData). */
  data: SlackData;
  policy: Policy;
  advisor: Advisor;
  /** How fast one person may ask (ASKS_PER_MINUTE). */
  asking?: RateLimiter;
  /** People and roles: "Ask a person" names the asker's supervisor and the officers. */
  directory?: DirectoryService;
  /** The Report core: with `directory`, switches on the report form, case buttons and reporter relay. */
  cases?: CaseService;
  /** The Approve core: with `directory`, switches on approval requests, decisions and `/conduct requests`. */
  approvals?: ApprovalService;
  clock?: Clock;
  /** Replaces placeholder flows (report, approval request, requests list, ask a person). */
  flows?: Partial<SlackFlows>;
  /** More `/conduct <word>` subcommands, or replacements for the built-in ones. */
  subcommands?: Record<string, Subcommand>;
  /** More listener groups (reports, approvals), registered after the Ask ones. */
  listeners?: readonly ListenerGroup[];
  /** The web console's sign-in links: with `directory`, switches on `/conduct console`. */
  signInLink?: SignInLink;
  /** Counts each verified request by kind (metrics). */
  metrics?: Pick<Metrics, "event">;
}

export interface SlackSurface {
  /** HTTP mode: the handler for `POST /slack/events`. Absent in Socket Mode. */
  requestListener?: RouteHandler;
  mode: "http" | "socket";
  /** Delivers outbox notifications as Slack DMs (present when the Report or Approve core is on). */
  channel?: NotificationChannel;
  /** Posts DM answers a replica wrote to the outbox and did not post (it died, or Slack failed): HTTP mode. */
  answers?: NotificationChannel;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Asks Slack whether the bot token works (auth.test) and logs "Slack: on" or why not; never throws. */
  checkToken(): Promise<boolean>;
  /** HTTP mode: runs its hot path before the replica says ready (warmUp.ts), through the app's server at `baseUrl`. */
  warmUp?(answers: readonly Answer[], baseUrl: string): Promise<void>;
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
  const receiver = socketMode ? undefined : new SlackHttpReceiver(config.SLACK_SIGNING_SECRET ?? "", logger, options.data.events);

  const authorize = singleWorkspaceAuthorize(config.SLACK_BOT_TOKEN, { ...clientOptions, logger: boltLog });
  const app = new App({
    authorize,
    logger: boltLog,
    clientOptions,
    convoStore: false, // state lives in the database, not in one replica's memory
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.SLACK_APP_TOKEN }),
  });
  const metrics = options.metrics;
  if (metrics) {
    app.use(async ({ body, next }) => {
      metrics.event("slack", kindOf(body));
      await next();
    });
  }
  app.use(dedupeEvents(options.data.events, logger));
  if (options.directory) app.use(identifySender(options.directory, logger));
  app.error(async (error) => {
    const data = (error as { data?: { error?: unknown } }).data;
    logger.error({ code: error.code, apiError: typeof data?.error === "string" ? data.error : undefined }, "a Slack listener failed");
  });

  const cores: SlackCores | undefined = options.directory
    ? { directory: options.directory, cases: options.cases, approvals: options.approvals, clock: options.clock ?? systemClock }
    : undefined;
  const coreFlows: Partial<SlackFlows> = {};
  const coreListeners: ListenerGroup[] = [];
  // Late-bound, so a replaced publishHome (options.flows) is the one refreshed.
  const homeAfterChange = refreshHome((client, userId) => flows.publishHome(client, userId), logger);
  let messages: ApprovalMessages | undefined;
  let openDelegateForm: ((interaction: Interaction) => Promise<void>) | undefined;
  if (cores) {
    coreFlows.publishHome = publishHomeFlow(cores);
    const { cases, approvals } = cores;
    if (cases) {
      coreFlows.startReport = startReportFlow();
      const caseActions = { handler: handlerCaseInteractions(cases, logger), reporter: reporterCaseInteractions(cases, logger) };
      coreFlows.replyInThread = caseThreadFlow(caseActions.reporter, logger);
      coreListeners.push(reportListeners({ ...cores, cases }, caseActions, homeAfterChange), reportFormListener(cores, fileReportInteraction(cases, logger), homeAfterChange), receiptCheckListener(caseActions.reporter));
    }
    if (approvals) {
      messages = approvalMessages(options.data.sentMessages, approvals, cores.clock, logger);
      coreFlows.requestApproval = requestApprovalFlow({ ...cores, approvals }, options.policy);
      coreFlows.listRequests = listRequestsFlow({ ...cores, approvals });
      coreListeners.push(approvalListeners({ ...cores, approvals }, messages, homeAfterChange));
      const delegation = delegationInteractions(approvals, logger);
      openDelegateForm = openDelegateFormFlow(delegation);
      coreListeners.push(delegationListeners(cores, delegation, openDelegateForm, homeAfterChange));
    }
  }
  const flows: SlackFlows = {
    ...placeholderFlows(options.policy),
    ...(options.directory ? { askPerson: askPersonFlow(options.directory) } : {}),
    ...coreFlows,
    ...options.flows,
  };
  const subcommands = new Map<string, Subcommand>([
    ["help", { run: ({ replyPrivately }) => replyPrivately(helpMessage()) }],
    ["report", { run: (interaction) => flows.startReport(interaction, {}), takesText: true }],
    ["requests", { run: (interaction) => flows.listRequests(interaction) }],
    ...(openDelegateForm ? ([["delegate", { run: openDelegateForm }]] as const) : []),
    ...(cores && options.signInLink ? ([["console", { run: consoleLinkFlow(options.signInLink) }]] as const) : []),
    ...Object.entries(options.subcommands ?? {}),
  ]);
  const deps: SlackDeps = {
    logger,
    events: options.data.events,
    policy: options.policy,
    advisor: options.advisor,
    asking: options.asking,
    recordAsk: options.data.recordAsk,
    feedback: feedbackInteraction(options.data.feedback, options.policy.document.clauses),
    flows,
    subcommands,
  };
  for (const register of [...ASK_LISTENERS, ...coreListeners, ...(options.listeners ?? [])]) register(app, deps);

  // DM questions are answered into the outbox before the HTTP ack (answerFirst.ts), posted with a
  // client that leaves retries to the outbox.
  let answers: NotificationChannel | undefined;
  if (receiver) {
    const answerClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, logger: boltLog, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 10_000 });
    const clock = options.clock ?? systemClock;
    const queue: AnswerQueue = options.data.answers(clock, ANSWER_LEASE_MS);
    const botUserId = async () => (await authorize({ isEnterpriseInstall: false } as Parameters<typeof authorize>[0])).botUserId;
    const isCaseThread = async (channel: string, threadTs: string) => {
      if (!cores?.cases) return false;
      const thread = await caseThreadOf(answerClient, channel, threadTs, logger);
      return thread === undefined ? undefined : thread !== null;
    };
    const early = answerFirst(deps, queue, answerClient, botUserId, isCaseThread);
    receiver.answerBeforeAck(async (body) => {
      const taken = await early(body);
      if (taken) metrics?.event("slack", kindOf(body)); // Bolt, which counts the rest, never sees it
      return taken;
    });
    const sendAnswer = answerSender(answerClient);
    answers = { name: "slack-answers", canReach: () => false, send: async () => {}, conversationKinds: new Set([ANSWER_KIND]), sendToConversation: sendAnswer };
  }

  // Deliveries use their own client: a 429 or a 5xx goes back to the outbox (RetryLater) instead of
  // being waited out inside the worker's pass.
  const deliveryClient =
    cores && (cores.cases || cores.approvals)
      ? new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, logger: boltLog, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 10_000 })
      : undefined;
  const channel =
    cores && deliveryClient
      ? createSlackNotificationChannel({
          client: deliveryClient,
          cores,
          ...(messages ? { approvalMessages: messages } : {}),
          // A delivered notification that changes someone's lists re-publishes their App Home.
          refreshHome: (slackUserId) => homeAfterChange(deliveryClient, slackUserId),
          logger,
        })
      : undefined;

  return {
    mode: socketMode ? "socket" : "http",
    ...(channel ? { channel } : {}),
    ...(answers ? { answers } : {}),
    ...(receiver ? { requestListener: receiver.requestListener, warmUp: (answers: readonly Answer[], baseUrl: string) => slackWarmUp(`${baseUrl}/slack/events`, config.SLACK_SIGNING_SECRET ?? "")(answers) } : {}),
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
    },
    async checkToken() {
      const how = socketMode ? "Socket Mode" : "HTTP at POST /slack/events";
      try {
        // The same cached identity the first event needs: this is the only auth.test call.
        const bot = await authorize({ isEnterpriseInstall: false } as Parameters<typeof authorize>[0]);
        logger.info({ team: bot.teamId, botUserId: bot.botUserId }, `Slack: on (${how}); Slack accepted SLACK_BOT_TOKEN`);
        return true;
      } catch (error) {
        const reason = (error as { data?: { error?: string }; code?: string }).data?.error ?? (error as { code?: string }).code ?? "no answer";
        logger.warn({ reason }, `Slack: NOT working: Slack refused SLACK_BOT_TOKEN or could not be reached (${reason}). Check the token (xoxb-…, Slack app → OAuth & Permissions); events will fail until it works.`);
        return false;
      }
    },
  };
}

/** How long an answer written by a replica is its own to post; after it, another replica's worker posts it. */
const ANSWER_LEASE_MS = 15_000;

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
