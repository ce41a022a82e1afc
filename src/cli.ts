// The `conduct` command: finds the command in the table (src/cli/commands.ts), answers --help
// without running it, and turns the failures a person can fix into one plain line each.
import { COMMANDS, overview, type CommandModule } from "./cli/commands.ts";
import { UsageError } from "./cli/usageError.ts";
import { ConfigError } from "./config.ts";
import { EvalFileError } from "./core/advice/eval.ts";
import { DirectoryFileError } from "./core/directory/file.ts";
import { RulesError } from "./core/policy/rules.ts";
import { loadDotEnv } from "./env.ts";
import { DataDirInUseError } from "./store/dataDirLock.ts";

const HELP = new Set(["--help", "-h", "help"]);

/** --help or -h among the options (before a `--` that ends them). */
const wantsHelp = (args: string[]) => args.slice(0, args.includes("--") ? args.indexOf("--") : args.length).some((a) => a === "--help" || a === "-h");

/** Errors that already say, in plain words, what is wrong and where. */
const EXPLAINED = [ConfigError, RulesError, DirectoryFileError, EvalFileError, DataDirInUseError];

/** parseArgs rejects an unknown option or a missing value with a code like ERR_PARSE_ARGS_UNKNOWN_OPTION. */
const isParseArgsError = (error: unknown) => String((error as { code?: unknown })?.code ?? "").startsWith("ERR_PARSE_ARGS_");

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    console.error(overview());
    return 2;
  }
  if (HELP.has(name)) {
    const topic = args[0] ? COMMANDS[args[0]] : undefined;
    console.log(topic ? (await topic.load()).usage : overview());
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`conduct: there is no command "${name}"\n\n${overview()}`);
    return 2;
  }
  let command: CommandModule | undefined;
  try {
    command = await entry.load();
    if (wantsHelp(args)) {
      console.log(command.usage);
      return 0;
    }
    loadDotEnv(); // the same settings as `npm start`
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`${(error as Error).message}\n${command?.usage ?? overview()}`);
      return 2;
    }
    if (EXPLAINED.some((kind) => error instanceof kind)) {
      console.error((error as Error).message);
      return 1;
    }
    // Unexpected: one line, and the stack only when asked for (it may quote internals, never report text).
    console.error(`conduct ${name} failed: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace") console.error(error);
    return 1;
  }
}

// Output piped into a reader that stops early (`conduct eval … | head`): stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
