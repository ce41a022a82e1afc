import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { ConfigError, loadConfig } from "../config.ts";
import { createAdvisor } from "../core/advice/index.ts";
import { createApprovalService } from "../core/approvals/service.ts";
import { createCaseService } from "../core/cases/service.ts";
import { systemClock } from "../core/clock.ts";
import { loadKeyring } from "../core/crypto/loadKeyring.ts";
import { createDirectoryService } from "../core/directory/service.ts";
import { createLogger } from "../log.ts";
import { createApprovalStore } from "../store/approvals.ts";
import { openDatabase, type Database } from "../store/db.ts";
import { createDirectoryRepository } from "../store/directoryRepo.ts";
import { createConsoleChat, prismaReads, type ConsoleDeps, type ConsoleServices } from "../surfaces/console/index.ts";
import { loadConfiguredPolicy } from "./advisorFromConfig.ts";

export interface ChatIO {
  input: Readable;
  output: Writable;
}

/**
 * The cores over the configured database (DATABASE_URL, or the embedded one in DATA_DIR), as
 * src/app.ts composes them, without the HTTP server and surfaces: opened on first use, so a chat
 * that only asks questions never touches the database. Notifications are delivered by the running
 * bot's worker; the console reads them (/inbox) without taking them from other surfaces.
 */
function configuredDeps(): ConsoleDeps & { close(): Promise<void> } {
  const config = loadConfig();
  const policy = loadConfiguredPolicy();
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, process.stderr);
  let db: Database | undefined;
  let services: Promise<ConsoleServices> | undefined;
  const open = async (): Promise<ConsoleServices> => {
    const opened = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) });
    try {
      const { prisma } = opened;
      const directory = createDirectoryService(createDirectoryRepository(prisma));
      if (config.DIRECTORY_FILE) await directory.importFile(config.DIRECTORY_FILE);
      const keyring = loadKeyring(config, opened.kind, logger);
      const cases = createCaseService({ prisma, directory, clock: systemClock, keyring, logger: logger.child({ core: "cases" }), retentionDays: config.RETENTION_DAYS });
      const approvals = createApprovalService({ store: createApprovalStore(prisma, systemClock, keyring), directory, policy, clock: systemClock, config });
      db = opened;
      return { directory, cases, approvals, reads: prismaReads(prisma) };
    } catch (error) {
      await opened.close();
      throw error;
    }
  };
  return {
    advisor: createAdvisor(policy),
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

/** `conduct chat`: a terminal chat on the same cores as Slack and Teams, for people without either. */
export async function run(_args: string[] = [], io: ChatIO = { input: process.stdin, output: process.stdout }): Promise<number> {
  let deps;
  try {
    deps = configuredDeps();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    await runChat(deps, io);
  } finally {
    await deps.close();
  }
  return 0;
}
