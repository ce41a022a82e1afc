import { startApp } from "./app.ts";
import { checkConfiguredFiles, ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { RulesError } from "./core/policy/rules.ts";
import { DirectoryFileError } from "./core/directory/file.ts";
import { loadDotEnv } from "./env.ts";
import { DataDirInUseError, describeThisProcess } from "./store/dataDirLock.ts";

loadDotEnv();

// "info" until the configuration is read: LOG_LEVEL itself may be what is wrong.
const logger = createLogger("info");
describeThisProcess("the bot (npm start)");

try {
  const config = loadConfig();
  checkConfiguredFiles(config);
  logger.level = config.LOG_LEVEL;
  // The app has logged why; exiting non-zero lets the supervisor restart the bot on a new thread.
  const starting = startApp(config, logger, { onDatabaseStopped: () => process.exit(1), checkSlackToken: true, warmUp: true });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // A close that hangs (a stuck connection or query) must not keep the process from stopping.
    const limitS = 10 + config.SHUTDOWN_DRAIN_SECONDS;
    setTimeout(() => {
      logger.error({ signal }, `shutdown took over ${limitS} s; exiting anyway`);
      process.exit(1);
    }, limitS * 1000).unref();
    await (await starting).close();
    process.exit(0);
  };
  // Listened for from the start: the server answers before start-up has finished (jobs, token check),
  // and a SIGTERM then must still stop the bot cleanly, not kill it.
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await starting;
} catch (error) {
  if (error instanceof ConfigError || error instanceof RulesError || error instanceof DirectoryFileError || error instanceof DataDirInUseError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: error }, "startup failed");
  }
  process.exit(1);
}
