import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { checkConfiguredFiles, loadConfig } from "../config.ts";
import { createAdvisor } from "../core/advice/index.ts";
import { systemClock } from "../core/clock.ts";
import { createRateLimits } from "../core/limits/rateLimit.ts";
import { composeCores, composeDirectory, openConfiguredDatabase } from "../compose.ts";
import { directoryRolesOf } from "../core/policy/roles.ts";
import { createLogger } from "../log.ts";
import { assertDataDirFree } from "../store/dataDirLock.ts";
import type { Database } from "../store/db.ts";
import { prismaReads } from "../store/consoleReads.ts";
import { createConsoleChat, type ConsoleDeps, type ConsoleServices } from "../surfaces/console/index.ts";
import { loadConfiguredPolicy } from "./advisorFromConfig.ts";
import { UsageError } from "./usageError.ts";
import { answerFeedback } from "../store/feedback.ts";

export interface ChatIO {
  input: Readable;
  output: Writable;
}

/**
 * The cores over the configured database (DATABASE_URL, or the embedded one in DATA_DIR), composed
 * as for the server (src/compose.ts), without the HTTP server and surfaces: opened on first use, so a chat
 * that only asks questions never touches the database. Notifications are delivered by the running
 * bot's worker; the console reads them (/inbox) without taking them from other surfaces.
 */
function configuredDeps(): ConsoleDeps & { close(): Promise<void> } {
  const config = loadConfig();
  // Refused at once rather than at the first report: the bot may hold the embedded database.
  if (!config.DATABASE_URL) assertDataDirFree(resolve(config.DATA_DIR));
  const policy = loadConfiguredPolicy();
  checkConfiguredFiles(config, ["DIRECTORY_FILE"]);
  // Readable lines on stderr, never JSON between the chat's answers.
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, process.stderr, { readable: true });
  let db: Database | undefined;
  const limits = createRateLimits({ asksPerMinute: config.ASKS_PER_MINUTE, reportsPerDay: config.REPORTS_PER_DAY }, systemClock);
  let services: Promise<ConsoleServices> | undefined;
  const open = async (): Promise<ConsoleServices> => {
    const opened = await openConfiguredDatabase(config);
    try {
      const directory = composeDirectory(opened.prisma, undefined, undefined, directoryRolesOf(policy.rules));
      if (config.DIRECTORY_FILE) await directory.importFile(config.DIRECTORY_FILE);
      const { cases, approvals } = composeCores({ config, db: opened, policy, directory, clock: systemClock, logger, limits });
      db = opened;
      return { directory, cases, approvals, reads: prismaReads(opened.prisma), feedback: answerFeedback(opened.prisma) };
    } catch (error) {
      await opened.close();
      throw error;
    }
  };
  return {
    advisor: createAdvisor(policy),
    logger: logger.child({ surface: "console" }),
    asking: limits.asking,
    // A failed open (database unreachable) is tried again at the next command.
    services: () => (services ??= open().catch((error: unknown) => ((services = undefined), Promise.reject(error)))),
    close: async () => db?.close(),
  };
}

/** Runs the console over a pair of streams until /quit or the end of input. */
export async function runChat(deps: ConsoleDeps, { input, output }: ChatIO): Promise<void> {
  const say = (text: string) => void output.write(`${text}\n\n`);
  const chat = createConsoleChat(deps, say);
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  say("Code of Conduct assistant. Ask a question in plain words; /as <id> to act as someone from the directory; /help lists commands, /quit leaves.");
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    if (!(await chat.handle(line))) break;
    rl.prompt();
  }
  rl.close();
}

export const usage = "usage: conduct chat   (type /help in the chat for its commands)";

/** `conduct chat`: a terminal chat on the same cores as Slack and Teams, for people without either. */
export async function run(args: string[] = [], io: ChatIO = { input: process.stdin, output: process.stdout }): Promise<number> {
  if (args.length) throw new UsageError(`conduct chat takes no arguments (got ${args.join(" ")})`);
  const deps = configuredDeps();
  try {
    await runChat(deps, io);
  } finally {
    await deps.close();
  }
  return 0;
}
