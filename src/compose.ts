// The composition root: the one place that turns config into a database, the store's adapters of
// the cores' ports, and the cores. The server (app.ts), every CLI command and the tests build
// through here, so a core is wired one way everywhere.
import { randomInt } from "node:crypto";
import { resolve } from "node:path";
import type { Config } from "./config.ts";
import { createApprovalService, type ApprovalService } from "./core/approvals/service.ts";
import { rotateKeys, type RotationSummary } from "./core/cases/rotate.ts";
import { createCaseService, type CaseService } from "./core/cases/service.ts";
import type { CaseServiceDeps } from "./core/cases/context.ts";
import type { CaseStore } from "./core/cases/store.ts";
import type { Clock } from "./core/clock.ts";
import { auditKeysFrom, type AuditKeys } from "./core/crypto/auditKeys.ts";
import type { Keyring } from "./core/crypto/keyring.ts";
import { loadKeyring } from "./core/crypto/loadKeyring.ts";
import { createDirectoryService, type DirectoryService } from "./core/directory/service.ts";
import { createOversightService, type OversightService } from "./core/insights/service.ts";
import { createRateLimits, type RateLimits } from "./core/limits/rateLimit.ts";
import type { PolicyRules } from "./core/policy/rules.ts";
import type { PolicyDocument } from "./core/policy/types.ts";
import { createSignInService, type SignInService } from "./core/signin/service.ts";
import { approvalJobHandlers, createApprovalStore, resealApprovals, type PrismaApprovalStore } from "./store/approvals.ts";
import { caseJobHandlers, createCaseStore } from "./store/caseStore.ts";
import { createSignInStore } from "./store/consoleSessions.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./store/db.ts";
import { createDirectoryRepository } from "./store/directoryRepo.ts";
import { createInsightReads } from "./store/insights.ts";
import type { Logger } from "./log.ts";
import type { JobHandler } from "./store/jobs.ts";
import type { PrismaClient } from "./store/generated/client.ts";
import { claimAndEnqueue } from "./store/claimedDelivery.ts";
import { deliverClaimed, type OutboxMessage } from "./store/outbox.ts";
import { recordAsk } from "./store/askStats.ts";
import { answerFeedback } from "./store/feedback.ts";
import { searchPeople } from "./store/peopleSearch.ts";
import { processedEvents } from "./store/processedEvents.ts";
import { slackSentMessages } from "./store/slackMessages.ts";
import { PrismaStorage } from "./store/teamsBotState.ts";
import { teamsConversationRows } from "./store/teamsConversations.ts";
import { teamsSentMessages } from "./store/teamsMessages.ts";
import type { SlackData } from "./surfaces/slack/deps.ts";
import type { TeamsData } from "./surfaces/teams/deps.ts";

/** Where the configured database is: DATABASE_URL (PostgreSQL), else the embedded one in DATA_DIR. */
export const databaseOptionsOf = (config: Pick<Config, "DATABASE_URL" | "DATA_DIR">): DatabaseOptions =>
  config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) };

/** Opens (and migrates) the configured database, or the one `instead` names (tests, a chosen data directory). */
export const openConfiguredDatabase = (config: Pick<Config, "DATABASE_URL" | "DATA_DIR">, instead?: DatabaseOptions): Promise<Database> =>
  openDatabase(instead ?? databaseOptionsOf(config));

/** The directory over the database; `options` as the server applies them (allowed workspaces, guests). */
/** `declaredRoles`: the roles the rules file declares (their `held_by`), which directory files may give people. */
export function composeDirectory(prisma: PrismaClient, clock?: Clock, options?: Parameters<typeof createDirectoryService>[2], declaredRoles: readonly string[] = []): DirectoryService {
  return createDirectoryService(createDirectoryRepository(prisma), clock ? () => clock.now() : undefined, options, declaredRoles);
}

/** The cases core over the database, and its job handlers as the job runner calls them. */
export function composeCases(prisma: PrismaClient, deps: Omit<CaseServiceDeps, "store">): { store: CaseStore; service: CaseService; jobHandlers: Record<string, JobHandler> } {
  const store = createCaseStore(prisma);
  const service = createCaseService({ ...deps, store });
  return { store, service, jobHandlers: caseJobHandlers(service.jobHandlers, prisma) };
}

/** `conduct keys rotate`: cases and approval requests re-sealed under the keyring's current key. */
export function rotateAllKeys(prisma: PrismaClient, keyring: Keyring, clock: Clock, auditKeys: AuditKeys = keyring): Promise<RotationSummary> {
  return rotateKeys(createCaseStore(prisma), (current) => resealApprovals(prisma, current), keyring, clock, auditKeys);
}

export interface CoreInputs {
  config: Config;
  db: Database;
  policy: { rules: PolicyRules; document: PolicyDocument };
  directory: DirectoryService;
  clock: Clock;
  logger: Logger;
  /** Default: REPORTS_ENCRYPTION_KEY, or the key file in DATA_DIR (embedded database). */
  keyring?: Keyring;
  /** Default: ASKS_PER_MINUTE and REPORTS_PER_DAY, counted from now (pass them to share them with a surface made first). */
  limits?: RateLimits;
}

export interface Cores {
  keyring: Keyring;
  auditKeys: AuditKeys;
  /** How fast one person may ask and file (the surfaces and the cases core share them). */
  limits: RateLimits;
  cases: CaseService;
  approvalStore: PrismaApprovalStore;
  approvals: ApprovalService;
  signIn: SignInService;
  oversight: OversightService;
  /** The cores' persisted timers, for the worker's job runner. */
  jobHandlers: Record<string, JobHandler>;
}

/** The cores over one database, with the config's keys, limits and periods. */
export function composeCores({ config, db, policy, directory, clock, logger, keyring: given, limits: givenLimits }: CoreInputs): Cores {
  const keyring = given ?? loadKeyring(config, db.kind, logger);
  const auditKeys = auditKeysFrom(config.AUDIT_KEY, keyring);
  const limits = givenLimits ?? createRateLimits({ asksPerMinute: config.ASKS_PER_MINUTE, reportsPerDay: config.REPORTS_PER_DAY }, clock);
  const cases = composeCases(db.prisma, {
    directory,
    clock,
    keyring,
    auditKeys,
    limits,
    logger: logger.child({ core: "cases" }),
    retentionDays: config.RETENTION_DAYS,
    rerouteAfterMs: config.UNDELIVERED_REROUTE_HOURS * 3_600_000,
    anonymousNoticeDelayMs: () => randomInt(config.ANONYMOUS_NOTICE_DELAY_MINUTES * 60_000 + 1),
  });
  const approvalStore = createApprovalStore(db.prisma, clock, keyring, auditKeys);
  const approvals = createApprovalService({ store: approvalStore, directory, policy, clock, config });
  return {
    keyring,
    auditKeys,
    limits,
    cases: cases.service,
    approvalStore,
    approvals,
    signIn: createSignInService({ store: createSignInStore(db.prisma), clock, auditKeys }),
    oversight: createOversightService({ reads: createInsightReads(db.prisma), directory, document: policy.document, clock, approvals }),
    jobHandlers: { ...cases.jobHandlers, ...approvalJobHandlers(approvalStore, approvals) },
  };
}

/** What both chat surfaces keep alike: delivery claims, question counts, 👍/👎 counts. */
function chatSurfaceData(prisma: PrismaClient): Pick<SlackData & TeamsData, "events" | "recordAsk" | "feedback"> {
  return {
    events: processedEvents(prisma),
    recordAsk: (answer) => recordAsk(prisma, answer, new Date()),
    feedback: answerFeedback(prisma),
  };
}

/** What the Slack surface keeps, over the database (the surface itself never sees the store). */
export function composeSlackData(prisma: PrismaClient): SlackData {
  return {
    ...chatSurfaceData(prisma),
    sentMessages: slackSentMessages(prisma),
    answers: (clock, leaseMs) => ({
      claim: (keys, reply) => claimAndEnqueue(prisma, keys, reply, { clock, leaseMs }),
      deliver: async (message, send) => void (await deliverClaimed(prisma, message as OutboxMessage, send, { clock })),
    }),
  };
}

/** What the Teams surface keeps, over the database. Nothing here loads botbuilder (types only). */
export function composeTeamsData(prisma: PrismaClient): TeamsData {
  return {
    ...chatSurfaceData(prisma),
    sentMessages: teamsSentMessages(prisma),
    conversations: teamsConversationRows(prisma),
    botState: new PrismaStorage(prisma),
    searchPeople: searchPeople(prisma),
  };
}
