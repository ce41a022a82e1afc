import type { RateLimiter } from "../../core/limits/rateLimit.ts";
import type { Activity, TurnContext } from "botbuilder";
import type { Answer } from "../../core/advice/types.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import type { Policy } from "../../core/policy/load.ts";
import { DEFAULT_TEAMS_SERVICE_HOSTS } from "../../config.ts";
import type { Logger } from "../../log.ts";
import type { Metrics } from "../../metrics.ts";
import { LOCAL_MODE_WARNING } from "./lazy.ts";
import type { RouteHandler } from "../../server.ts";
import { aadObjectIdOf, isPersonal } from "./activity.ts";
import { createAdapter, type TeamsCredentials } from "./adapter.ts";
import { createApplication, type RouteGroup } from "./application.ts";
import { teamsConversations } from "./conversations.ts";
import { activityClaims } from "./dedup.ts";
import type { Advisor, Interaction, TeamsData, TeamsDeps, TeamsFlows } from "./deps.ts";
import { teamsEndpoint } from "./endpoint.ts";
import { askPersonFlow } from "./flows/askPerson.ts";
import { consoleLinkFlow } from "./flows/console.ts";
import { deliveriesFlow } from "./flows/deliveries.ts";
import { identifyTurn, senderOf, type TeamsCores } from "./cores.ts";
import { approvalRoutes, delegateFlow, listRequestsFlow, requestApprovalFlow } from "./handlers/approvals.ts";
import { caseRoutes, startReportFlow } from "./handlers/cases.ts";
import { peopleSearchRoutes } from "./handlers/people.ts";
import { approvalCards as createApprovalCards, type UpdateActivity } from "./approvalCards.ts";
import { createTeamsNotificationChannel, type SentActivity } from "./notify.ts";
import type { NotificationChannel } from "../../worker.ts";
import { placeholderFlows } from "./placeholders.ts";
import { privateSender } from "./privateChat.ts";
import { allowedServiceUrls, loopbackServiceUrls } from "./serviceHosts.ts";
import { turnRunner } from "./turn.ts";
import { feedbackInteraction } from "../../interactions/feedback.ts";

export type { Advisor, Interaction, Reply, TeamsData, TeamsFlows } from "./deps.ts";
export type { TeamsCredentials } from "./adapter.ts";
export type { RouteGroup } from "./application.ts";
export type { TeamsCores } from "./cores.ts";

export interface TeamsOptions {
  logger: Logger;
  /** Its de-duplication, turn state, chats, counts and posted cards (composeTeamsData). */
  data: TeamsData;
  policy: Policy;
  advisor: Advisor;
  /** How fast one person may ask (ASKS_PER_MINUTE). */
  asking?: RateLimiter;
  credentials: TeamsCredentials;
  /** Who may reach the bot and where it may call; without it, only the credentials' tenant and the default hosts. */
  access?: TeamsAccess;
  /** Counts a question per clause, verdict and day; defaults to `data.recordAsk`. */
  recordAsk?: (answer: Answer) => Promise<void>;
  /** People and roles: "Ask a person" names the asker's supervisor and the officers. */
  directory?: DirectoryService;
  /** Report and approval flows; each one not given is a placeholder that says it is not switched on. */
  flows?: Partial<TeamsFlows>;
  /** More routes (card verbs, dialogs, messages) for reports and approvals, tried before the Ask ones. */
  routes?: readonly RouteGroup[];
  /**
   * The report and approval cores. With `approvals`, Request approval, `requests` and decisions on
   * approval cards are switched on; with `cases`, reports and case cards. Without, placeholders.
   */
  cores?: TeamsCores;
  /** The web console's sign-in links: with `cores`, switches on the `console` command. */
  signInLink?: (personId: string) => Promise<{ url: string }>;
  /** The local-mode warning was already logged (the surface loaded lazily, see lazy.ts). */
  localModeWarned?: boolean;
  /** Counts each authenticated activity by type (metrics). */
  metrics?: Pick<Metrics, "event">;
}

export interface TeamsAccess {
  /** Tenants whose activities are served besides `credentials.tenantId` (MICROSOFT_ALLOWED_TENANTS). */
  tenants?: readonly string[];
  /** Bot Framework service hosts the bot accepts as serviceUrl and calls (TEAMS_SERVICE_HOSTS); ignored in local mode. */
  serviceHosts?: readonly string[];
}

export interface TeamsSurface {
  /** POST /api/messages */
  handle: RouteHandler;
  /**
   * Sends to a person's 1:1 chat with the bot from outside a turn (the outbox delivering an
   * approval request or a case message). False when they never wrote to the bot or installed
   * it; errors (Teams unreachable) are thrown so the outbox retries.
   */
  sendToPerson(aadObjectId: string, activity: Partial<Activity> | string): Promise<boolean>;
  /** Delivers outbox notifications as proactive 1:1 cards (for the worker's channels); set when `cores` is given. */
  notifications?: NotificationChannel;
  localMode: boolean;
}

/** The Teams surface: a teams-ai Application on botbuilder's CloudAdapter, mounted at POST /api/messages. */
export function createTeamsSurface(options: TeamsOptions): TeamsSurface {
  const { data, policy, credentials } = options;
  const logger = options.logger.child({ surface: "teams" });
  const localMode = !credentials.appId;
  if (localMode && !options.localModeWarned) logger.warn(LOCAL_MODE_WARNING);
  const tenants = new Set([credentials.tenantId, ...(options.access?.tenants ?? [])].filter((t): t is string => Boolean(t)).map((t) => t.toLowerCase()));
  const serviceUrlAllowed = localMode ? loopbackServiceUrls : allowedServiceUrls(options.access?.serviceHosts ?? DEFAULT_TEAMS_SERVICE_HOSTS.split(","));
  const botAppId = credentials.appId ?? "";
  const adapter = createAdapter(credentials, serviceUrlAllowed);
  const conversations = teamsConversations(data.conversations);
  const sendPrivately = privateSender(adapter, botAppId, conversations);

  const interaction = (context: TurnContext): Interaction => {
    const aadObjectId = aadObjectIdOf(context.activity);
    const personal = isPersonal(context.activity);
    return {
      context,
      ...(aadObjectId ? { aadObjectId } : {}),
      personal,
      sender: () => senderOf(context),
      sendPrivately: (activity) => sendPrivately(context, activity),
      replyPrivately: async (activity) => {
        if (personal) await context.sendActivity(activity);
        else await sendPrivately(context, activity);
      },
    };
  };
  const cores = options.cores;
  const directory = options.directory ?? cores?.directory;
  /** Edits a card the bot sent (PUT …/activities/{id}), outside any turn; the outbox's limits apply. */
  const updateActivity: UpdateActivity = async (reference, activity) => {
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      withoutInlineRetries(context.turnState.get(context.adapter.ConnectorClientKey));
      await withTimeout(context.updateActivity(activity), OUTBOX_SEND_TIMEOUT_MS);
    });
  };
  const sentApprovalCards = cores?.approvals ? createApprovalCards(data.sentMessages, cores.approvals, updateActivity, logger) : undefined;
  const approvalCores = cores?.approvals ? { ...cores, approvals: cores.approvals, ...(sentApprovalCards ? { approvalCards: sentApprovalCards } : {}) } : undefined;
  const caseCores = cores?.cases ? { ...cores, cases: cores.cases } : undefined;
  const coreFlows: Partial<TeamsFlows> = {
    ...(approvalCores ? { requestApproval: requestApprovalFlow(approvalCores, policy), listRequests: listRequestsFlow(approvalCores), delegate: delegateFlow(approvalCores) } : {}),
    ...(caseCores ? { startReport: startReportFlow(), deliveries: deliveriesFlow(caseCores) } : {}),
    ...(cores && options.signInLink ? { console: consoleLinkFlow(options.signInLink) } : {}),
  };
  const coreRoutes: RouteGroup[] = [
    ...(cores ? [peopleSearchRoutes(cores)] : []),
    ...(approvalCores ? [approvalRoutes(approvalCores, policy)] : []),
    ...(caseCores ? [caseRoutes(caseCores)] : []),
  ];
  const deps: TeamsDeps = {
    logger,
    searchPeople: data.searchPeople,
    policy,
    advisor: options.advisor,
    asking: options.asking,
    recordAsk: options.recordAsk ?? data.recordAsk,
    feedback: feedbackInteraction(data.feedback, policy.document.clauses),
    conversations,
    flows: {
      ...placeholderFlows(policy),
      ...(options.directory ? { askPerson: askPersonFlow(options.directory) } : {}),
      ...coreFlows,
      ...options.flows,
    },
    interaction,
  };
  const app = createApplication(adapter, botAppId, data.botState, deps, [...coreRoutes, ...(options.routes ?? [])], directory ? identifyTurn(directory) : undefined);
  const runTurn = turnRunner(app, activityClaims(data.events), logger);
  const handle = teamsEndpoint({
    adapter,
    logger,
    localMode,
    serviceUrlAllowed,
    tenants,
    runTurn: (context) => {
      options.metrics?.event("teams", context.activity.type);
      return runTurn(context);
    },
  });

  async function sendToPerson(aadObjectId: string, activity: Partial<Activity> | string): Promise<boolean> {
    const reference = await conversations.find(aadObjectId);
    if (!reference) return false;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      await context.sendActivity(activity);
    });
    return true;
  }

  /**
   * sendToPerson for the outbox: the connector client's own retries are taken out (a 429 would
   * otherwise wait out Retry-After inside the worker's pass) and a slow connector times out, so
   * the outbox reschedules instead.
   */
  async function deliverToPerson(aadObjectId: string, activity: Partial<Activity>): Promise<SentActivity | false> {
    const reference = await conversations.find(aadObjectId);
    if (!reference) return false;
    let activityId: string | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      withoutInlineRetries(context.turnState.get(context.adapter.ConnectorClientKey));
      activityId = (await withTimeout(context.sendActivity(activity), OUTBOX_SEND_TIMEOUT_MS))?.id;
    });
    return { reference, ...(activityId ? { activityId } : {}) };
  }

  const notifications = cores
    ? createTeamsNotificationChannel({ conversations, sendToPerson: deliverToPerson, cores, logger, ...(sentApprovalCards ? { approvalCards: sentApprovalCards } : {}) })
    : undefined;
  return { handle, sendToPerson, localMode, ...(notifications ? { notifications } : {}) };
}

const OUTBOX_SEND_TIMEOUT_MS = 30_000;

/** Removes the Azure pipeline's retry policy (429 and 5xx retried in place) from a connector client. */
function withoutInlineRetries(client: unknown): void {
  const pipeline = (client as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } } | undefined)?.client?.pipeline;
  pipeline?.removePolicy({ name: "defaultRetryPolicy" });
}

class SendTimeout extends Error {
  constructor() {
    super("the Bot Connector did not answer in time");
    this.name = "TimeoutError";
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new SendTimeout()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
