// The `conduct` command. Each subcommand lives in src/cli/<name>.ts and exports `run(args)`.
import { loadDotEnv } from "./env.ts";

loadDotEnv(); // the same settings as `npm start`
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  migrate: () => import("./cli/migrate.ts"),
  ask: () => import("./cli/ask.ts"),
  eval: () => import("./cli/eval.ts"),
  chat: () => import("./cli/chat.ts"),
  directory: () => import("./cli/directory.ts"),
  export: () => import("./cli/export.ts"),
  keys: () => import("./cli/keys.ts"),
  audit: () => import("./cli/audit.ts"),
  rules: () => import("./cli/rules.ts"),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? commands[name] : undefined;
if (!load) {
  console.error(`usage: conduct <${Object.keys(commands).sort().join("|")}> [args]`);
  process.exit(name ? 2 : 0);
}
const command = await load();
process.exitCode = await command.run(args);
