// The `conduct` commands, by name. To add one: write src/cli/<name>.ts exporting `usage` (every
// form of the command, printed by `conduct <name> --help` and after a usage error) and
// `run(args)` (resolves 0 when done, 1 after a failure it explained, 2 on bad usage, or throws
// UsageError), then add a line here with its summary.

/** What a command module exports. */
export interface CommandModule {
  usage: string;
  run(args: string[]): Promise<number>;
}

export interface CliCommand {
  /** One line for `conduct --help`. */
  summary: string;
  /** Importing a command has no side effects: it acts only in run(). */
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, CliCommand> = {
  ask: { summary: "answer a question from the Code (or one per line of standard input)", load: () => import("./ask.ts") },
  chat: { summary: "a terminal chat on the same cores as Slack and Teams", load: () => import("./chat.ts") },
  eval: { summary: "score the answers on a file of labelled questions", load: () => import("./eval.ts") },
  directory: { summary: "import people, supervisors and roles from a YAML file", load: () => import("./directory.ts") },
  export: { summary: "the case and approval registers for auditors, as CSV or JSON", load: () => import("./export.ts") },
  keys: { summary: "make a report encryption key, or re-encrypt reports under the current one", load: () => import("./keys.ts") },
  audit: { summary: "check the keyed audit chain (exit 1 if it was altered), or print its head to keep", load: () => import("./audit.ts") },
  rules: { summary: "draft a rules file for another company's Code, or lint one", load: () => import("./rules.ts") },
  receipt: { summary: "check a reporter's receipt (case number and proof-of-filing code): valid or not", load: () => import("./receipt.ts") },
  outbox: { summary: "list the messages the bot could not deliver, and send them again", load: () => import("./outbox.ts") },
  migrate: { summary: "apply pending database migrations and exit", load: () => import("./migrate.ts") },
};

/** `conduct --help`: every command with its summary. */
export function overview(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    "usage: conduct <command> [args]   (conduct <command> --help shows its usage)",
    "",
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name]!.summary}`),
  ].join("\n");
}
