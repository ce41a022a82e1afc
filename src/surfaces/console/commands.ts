import { answerInfo, approve, askInfo, decline, request, requests } from "./approvalCommands.ts";
import { ack, cases, close, note, open, reply, report } from "./caseCommands.ts";
import { command, nothing, type ConsoleCommand } from "./command.ts";
import { delegate } from "./delegationCommands.ts";
import { feedback } from "./feedbackCommand.ts";
import { actAs, inbox, people, quit } from "./personCommands.ts";

const help = command({
  usage: "/help",
  help: "show this list",
  args: nothing,
  async run({ say }) {
    say(helpText());
  },
});

/** Every slash command, by name; a new capability is one more entry. */
export const CONSOLE_COMMANDS: Record<string, ConsoleCommand> = {
  help,
  as: actAs,
  feedback,
  people,
  inbox,
  request,
  requests,
  approve,
  decline,
  "ask-info": askInfo,
  answer: answerInfo,
  delegate,
  report,
  cases,
  open,
  reply,
  note,
  ack,
  close,
  quit,
};

export function helpText(): string {
  const width = Math.max(...Object.values(CONSOLE_COMMANDS).map((c) => c.usage.length));
  return [
    "Type a question about the Code of Conduct, or one of:",
    ...Object.values(CONSOLE_COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.help}`),
  ].join("\n");
}
