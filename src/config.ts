import { closeSync, openSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { whereSet } from "./env.ts";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? String(fallback) : v.trim()))
    .pipe(z.coerce.number({ invalid_type_error: "must be a whole number of 1 or more" }).int("must be a whole number of 1 or more").positive("must be a whole number of 1 or more"));

const wholeNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? String(fallback) : v.trim()))
    .pipe(z.coerce.number({ invalid_type_error: "must be a whole number of 0 or more" }).int("must be a whole number of 0 or more").nonnegative("must be a whole number of 0 or more"));

/** Text with a default; empty counts as unset (as in a copied .env.example). */
const textOr = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : v.trim()));

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const PORT_RANGE = "must be a port number from 0 to 65535";

const flag = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? "false" : v.trim().toLowerCase()))
  .pipe(z.enum(["true", "false"], { errorMap: () => ({ message: "must be true or false" }) }))
  .transform((v) => v === "true");

/** A comma-separated list; empty entries dropped. */
const list = (fallback = "") =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : v).split(",").map((item) => item.trim()).filter(Boolean));

/** Where Teams activities come from (their serviceUrl), in every Microsoft cloud; ".x" also matches subdomains of x. */
export const DEFAULT_TEAMS_SERVICE_HOSTS = "smba.trafficmanager.net,.botframework.com,.teams.microsoft.com,.botframework.us,.botframework.azure.us,.teams.microsoft.us";

const envSchema = z.object({
  PORT: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? "3000" : v.trim()))
    .pipe(z.coerce.number({ invalid_type_error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65535, PORT_RANGE)),
  LOG_LEVEL: textOr("info").pipe(z.enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(", ")}` }) })),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: textOr("./data"),
  PUBLIC_URL: optional.pipe(z.string().url("must be a URL like https://conduct.example.com").regex(/^https?:\/\//, "must start with http:// or https://").optional()),
  POLICY_FILE: textOr("policies/code-of-conduct.txt"),
  POLICY_RULES_FILE: textOr("policies/code-of-conduct.rules.yaml"),
  DIRECTORY_FILE: optional,
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith("xapp-", "must be an app-level token starting with xapp-").optional()),
  SLACK_API_URL: optional.pipe(z.string().url("must be a URL like https://slack.com/api/").optional()),
  SLACK_ALLOWED_TEAMS: list().pipe(z.array(z.string().regex(/^[TE][A-Z0-9]+$/, "must be Slack team ids (T…) or an org id (E…), comma-separated"))),
  ALLOW_GUESTS: flag,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  MICROSOFT_ALLOWED_TENANTS: list().pipe(z.array(z.string().regex(/^[0-9a-fA-F-]{36}$/, "must be tenant ids (GUIDs), comma-separated"))),
  TEAMS_LOCAL_MODE: flag,
  TEAMS_SERVICE_HOSTS: list(DEFAULT_TEAMS_SERVICE_HOSTS).pipe(
    z.array(z.string().regex(/^\.?[A-Za-z0-9.-]+$/, "must be host names (a leading dot also allows subdomains), comma-separated")).min(1),
  ),
  REPORTS_ENCRYPTION_KEY: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (openssl rand -base64 32)")
      .optional(),
  ),
  REPORTS_ENCRYPTION_PREVIOUS_KEYS: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9+/]{43}=)*$/, "must be a comma-separated list of 32-byte base64 keys")
      .optional(),
  ),
  AUDIT_KEY: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (openssl rand -base64 32)")
      .optional(),
  ),
  RETENTION_DAYS: positiveInt(1095),
  ASKS_PER_MINUTE: positiveInt(20),
  REPORTS_PER_DAY: positiveInt(10),
  DEDUPE_RETENTION_DAYS: positiveInt(7),
  OUTBOX_RETENTION_DAYS: positiveInt(30),
  MESSAGE_REGISTRY_RETENTION_DAYS: positiveInt(90),
  APPROVAL_REMIND_DAYS: positiveInt(2),
  APPROVAL_ESCALATE_DAYS: positiveInt(5),
  METRICS_TOKEN: optional,
  UNDELIVERED_REROUTE_HOURS: positiveInt(4),
  ANONYMOUS_NOTICE_DELAY_MINUTES: wholeNumber(30),
  SHUTDOWN_DRAIN_SECONDS: wholeNumber(0),
});

export type Config = z.infer<typeof envSchema>;
export const configKeys = Object.keys(envSchema.shape) as Array<keyof Config>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}${whereSet(p.slice(0, p.indexOf(":")))}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads the environment into a typed config; every problem is reported at once, one line per variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return checkPairs(parsed.data);
  throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)); // a list item: still its variable
}

function checkPairs(config: Config): Config {
  const problems: string[] = [];
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN)
    problems.push("SLACK_BOT_TOKEN: SLACK_SIGNING_SECRET is required with it in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
  if ((config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN) && !config.SLACK_BOT_TOKEN)
    problems.push("SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set");
  if (config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_PASSWORD)
    problems.push("MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set");
  if (config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_TENANT_ID && !config.MICROSOFT_ALLOWED_TENANTS.length)
    problems.push("MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_ID is set (or list the tenants in MICROSOFT_ALLOWED_TENANTS), so only your organisation can reach the bot");
  if (config.MICROSOFT_APP_ID && config.TEAMS_LOCAL_MODE)
    problems.push("TEAMS_LOCAL_MODE: cannot be true when MICROSOFT_APP_ID is set (local mode is unauthenticated)");
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** The variables that name files (DIRECTORY_FILE is checked only when set). */
export const FILE_VARIABLES = ["POLICY_FILE", "POLICY_RULES_FILE", "DIRECTORY_FILE"] as const;
export const POLICY_FILES = ["POLICY_FILE", "POLICY_RULES_FILE"] as const;

/**
 * Checks that every file the configuration names can be read, so a wrong path is one line naming
 * the variable and the file instead of a stack trace later. `locate` maps a configured path to
 * the file that will be opened (the CLI also finds the shipped policies from outside the repo).
 */
export function checkConfiguredFiles(
  config: Config,
  names: ReadonlyArray<(typeof FILE_VARIABLES)[number]> = FILE_VARIABLES,
  locate: (file: string) => string = (file) => resolve(file),
): void {
  const problems: string[] = [];
  for (const name of names) {
    const file = config[name];
    if (!file) continue;
    const problem = unreadable(locate(file));
    if (problem) problems.push(`${name}: cannot read ${file} (${problem})`);
  }
  if (problems.length) throw new ConfigError(problems);
}

function unreadable(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return "it is a folder, not a file";
    closeSync(openSync(path, "r"));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (code ?? "unreadable");
  }
}

/** What `.env.example` documents: name, default, meaning. Kept next to the schema so they agree. */
export const configDocs: Array<[name: keyof Config, fallback: string, meaning: string]> = [
  ["PORT", "3000", "HTTP port for /healthz, /slack/events and /api/messages"],
  ["LOG_LEVEL", "info", "fatal, error, warn, info, debug, trace or silent (readable lines in a terminal, JSON otherwise)"],
  ["DATABASE_URL", "(unset)", "postgres://… to use PostgreSQL; unset = embedded PGlite in DATA_DIR"],
  ["DATA_DIR", "./data", "where the embedded database lives"],
  ["PUBLIC_URL", "http://localhost:$PORT", "where people reach the bot's web console (sign-in links point here); https turns on Secure cookies"],
  ["POLICY_FILE", "policies/code-of-conduct.txt", "the Code of Conduct document"],
  ["POLICY_RULES_FILE", "policies/code-of-conduct.rules.yaml", "reviewed rules: verdicts, approvers, concepts per clause"],
  ["DIRECTORY_FILE", "(unset)", "people, supervisors and roles (YAML), imported at startup"],
  ["SLACK_BOT_TOKEN", "(unset)", "xoxb-… bot token; set to turn the Slack surface on"],
  ["SLACK_SIGNING_SECRET", "(unset)", "verifies requests to POST /slack/events"],
  ["SLACK_APP_TOKEN", "(unset)", "xapp-… token: Socket Mode instead of HTTP"],
  ["SLACK_API_URL", "https://slack.com/api/", "Slack Web API base URL (tests point it at a fake)"],
  ["SLACK_ALLOWED_TEAMS", "(unset)", "more Slack team ids (T…, E…) whose members may use the bot; unset = only the bot's own workspace"],
  ["ALLOW_GUESTS", "false", "true lets guest accounts (Slack single- and multi-channel guests, Teams guests) use the bot"],
  ["MICROSOFT_APP_ID", "(unset)", "Bot Framework app id; turns the Teams surface on (unset = POST /api/messages not mounted)"],
  ["MICROSOFT_APP_PASSWORD", "(unset)", "Bot Framework app secret"],
  ["MICROSOFT_APP_TENANT_ID", "(unset)", "your Microsoft 365 tenant; activities from any other tenant are refused"],
  ["MICROSOFT_ALLOWED_TENANTS", "(unset)", "more tenant ids, comma-separated, whose activities are accepted"],
  ["TEAMS_LOCAL_MODE", "false", "true without MICROSOFT_APP_ID: unauthenticated /api/messages for loopback clients only (Agents Playground, tests)"],
  ["TEAMS_SERVICE_HOSTS", DEFAULT_TEAMS_SERVICE_HOSTS, "Bot Framework service hosts the bot accepts as serviceUrl and calls (.x = x and its subdomains)"],
  ["REPORTS_ENCRYPTION_KEY", "(unset)", "32 bytes base64 (openssl rand -base64 32): encrypts reports at rest"],
  ["REPORTS_ENCRYPTION_PREVIOUS_KEYS", "(unset)", "earlier REPORTS_ENCRYPTION_KEYs, comma-separated: still decrypt until `conduct keys rotate` re-encrypts"],
  ["AUDIT_KEY", "(unset)", "32 bytes base64: seals the audit log (HMAC per entry); unset = derived from the report keys"],
  ["RETENTION_DAYS", "1095", "closed cases are purged of content after this many days"],
  ["ASKS_PER_MINUTE", "20", "questions one person may ask per minute; more get a polite \"please wait\""],
  ["REPORTS_PER_DAY", "10", "reports one person may file per day; more are refused politely (text kept)"],
  ["DEDUPE_RETENTION_DAYS", "7", "days a Slack/Teams delivery id is remembered to drop redeliveries (pruned daily)"],
  ["OUTBOX_RETENTION_DAYS", "30", "days a sent notification's row is kept (pruned daily; failed ones are kept)"],
  ["MESSAGE_REGISTRY_RETENTION_DAYS", "90", "days the bot remembers the Slack/Teams cards it posted, once their approval is settled"],
  ["APPROVAL_REMIND_DAYS", "2", "business days before an approver is reminded"],
  ["APPROVAL_ESCALATE_DAYS", "5", "business days before a request escalates"],
  ["UNDELIVERED_REROUTE_HOURS", "4", "a case notice a handler has not received after this many hours goes to another handler, and the ethics officer is told"],
  ["ANONYMOUS_NOTICE_DELAY_MINUTES", "30", "an anonymous reporter's neutral \"private update\" DM waits a random 0 to this many minutes, so an export cannot pair it by time with the handler's DM"],
  ["METRICS_TOKEN", "(unset)", "when set, GET /metrics requires `Authorization: Bearer <token>`"],
  ["SHUTDOWN_DRAIN_SECONDS", "0", "on SIGTERM, /readyz answers 503 for this long while requests are still served, so a load balancer stops sending any before the server closes (its probe interval × unhealthy threshold)"],
];
