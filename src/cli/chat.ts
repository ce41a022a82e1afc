import { createInterface } from "node:readline";
import type { Advisor } from "../core/advice/index.ts";
import { configuredAdvisor } from "./advisorFromConfig.ts";
import { answerText } from "./answerText.ts";

/** Who the person at the terminal is acting as; `/as <id>` sets it (used by report and approve later). */
export interface ChatSession {
  actingAs?: string;
}

interface ChatCommand {
  usage: string;
  help: string;
  /** Returns false to end the chat. */
  run(args: string, session: ChatSession, say: (text: string) => void): boolean;
}

/** Slash commands; a new capability (e.g. /report, /approve) is one more entry here. */
export const CHAT_COMMANDS: Record<string, ChatCommand> = {
  help: {
    usage: "/help",
    help: "show this list",
    run: (_args, _session, say) => {
      say(["Type a question about the Code of Conduct, or one of:", ...Object.values(CHAT_COMMANDS).map((c) => `  ${c.usage.padEnd(10)} ${c.help}`)].join("\n"));
      return true;
    },
  },
  as: {
    usage: "/as <id>",
    help: "act as a person from the directory (for reporting and approving)",
    run: (args, session, say) => {
      const id = args.trim();
      if (!id) {
        say(session.actingAs ? `You are acting as ${session.actingAs}.` : "Usage: /as <id>, with a person's id from the directory.");
        return true;
      }
      session.actingAs = id;
      say(`You are now acting as ${id}.`);
      return true;
    },
  },
  quit: {
    usage: "/quit",
    help: "leave the chat",
    run: (_args, _session, say) => {
      say("Goodbye.");
      return false;
    },
  },
};

/** The chat's logic without the terminal: one line in, text out through `say`; false when the chat ends. */
export function createChat(advisor: Advisor, say: (text: string) => void, session: ChatSession = {}) {
  return {
    session,
    handle(line: string): boolean {
      const text = line.trim();
      if (!text) return true;
      const command = /^\/(\w+)\s*(.*)$/s.exec(text);
      if (!command) {
        say(answerText(advisor.advise(text)));
        return true;
      }
      const known = CHAT_COMMANDS[command[1]!.toLowerCase()];
      if (!known) {
        say(`Unknown command ${command[1]}. Type /help for the list.`);
        return true;
      }
      return known.run(command[2] ?? "", session, say);
    },
  };
}

/** `conduct chat`: a terminal chat on the same core, for people without Slack or Teams. */
export async function run(): Promise<number> {
  const advisor = configuredAdvisor();
  const say = (text: string) => process.stdout.write(`${text}\n\n`);
  const chat = createChat(advisor, say);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  say("Code of Conduct assistant. Ask a question in plain words; /help lists commands, /quit leaves.");
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    if (!chat.handle(line)) break;
    rl.prompt();
  }
  rl.close();
  return 0;
}
