// The console surface: a terminal chat on the same cores as Slack and Teams (`conduct chat`).
export { createConsoleChat, type ConsoleChat } from "./chat.ts";
export { CONSOLE_COMMANDS, helpText } from "./commands.ts";
export type { ConsoleDeps, ConsoleReads, ConsoleServices, InboxItem } from "./deps.ts";
export { newSession, type ConsoleSession } from "./session.ts";
