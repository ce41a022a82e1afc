import { randomUUID } from "node:crypto";
import { TOO_MANY_QUESTIONS } from "../../core/limits/rateLimit.ts";
import { answerText } from "../../cli/answerText.ts";
import type { Answer } from "../../core/advice/index.ts";
import { CONSOLE_COMMANDS } from "./commands.ts";
import type { ConsoleDeps } from "./deps.ts";
import { answerForm, CANCEL, currentPrompt } from "./form.ts";
import { newSession, type ConsoleSession } from "./session.ts";

const QUIT = "/quit";

/** What to type next after an answer with this verdict. */
const NEXT_STEP: Partial<Record<Answer["verdict"], { why: string; command: string }>> = {
  needs_approval: { why: "To ask for this approval", command: "/request" },
  report: { why: "To report it", command: "/report" },
};

/** The console surface: one line in, plain text out through `say`; resolves false when the chat ends. */
export function createConsoleChat(deps: ConsoleDeps, say: (text: string) => void, session: ConsoleSession = newSession()) {
  const ctx = { deps, session, say };

  async function handleCommand(name: string, rawArgs: string): Promise<boolean> {
    const known = CONSOLE_COMMANDS[name.toLowerCase()];
    if (!known) {
      say(`Unknown command ${name}. Type /help for the list.`);
      return true;
    }
    const args = known.args.safeParse(rawArgs);
    if (!args.success) {
      say(`Usage: ${known.usage} (${args.error.issues[0]?.message ?? "check the arguments"})`);
      return true;
    }
    if (!known.asPerson) return (await known.run(ctx, args.data, session.actingAs ?? "")) !== "quit";
    if (!session.actingAs) {
      say("First say who you are with /as <id> (a person's id from the directory).");
      return true;
    }
    // The console's identify step: the person acted as, once, before the command runs.
    const person = await (await deps.services()).directory.get(session.actingAs);
    if (!person) {
      say(`No one with the id ${session.actingAs} is in the directory any more. Say who you are with /as <id>.`);
      return true;
    }
    return (await known.run(ctx, args.data, person.id, { person })) !== "quit";
  }

  function ask(question: string): void {
    const who = `console:${session.actingAs ?? ""}`;
    if (deps.asking && !deps.asking.take(who)) return say(TOO_MANY_QUESTIONS);
    const answer = deps.advisor.advise(question);
    session.lastAnswer = answer;
    session.lastAnswerKey = `console:feedback:${randomUUID()}`;
    const next = NEXT_STEP[answer.verdict];
    say(next ? `${answerText(answer)}\n\n${next.why}, type ${session.actingAs ? "" : "/as <id> and then "}${next.command}.` : answerText(answer));
  }

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (session.form) {
      if (text === CANCEL || text === QUIT) {
        session.form = undefined;
        say(text === QUIT ? "Stopped. Nothing was sent. Goodbye." : "Stopped. Nothing was sent.");
        return text !== QUIT;
      }
      if (text.startsWith("/")) {
        say(`You are filling in a form: answer the question, or type ${CANCEL} to stop.\n${currentPrompt(session.form)}`);
        return true;
      }
      const step = await answerForm(session.form, text);
      if (step.done) session.form = undefined;
      say(step.text);
      return true;
    }
    if (!text) return true;
    const slash = /^\/([\w-]+)\s*(.*)$/s.exec(text);
    if (!slash) {
      ask(text);
      return true;
    }
    return handleCommand(slash[1]!, slash[2] ?? "");
  }

  return {
    session,
    /**
     * Never rejects: a failure is told to the person and the chat goes on where it was (an open
     * form keeps its answers and waits on the same question). The cause is logged at debug level
     * by type and code only: an error's message may quote what was typed.
     */
    async handle(line: string): Promise<boolean> {
      try {
        return await handle(line);
      } catch (error) {
        const e = error as { name?: string; code?: unknown; cause?: { name?: string } };
        deps.logger?.debug({ err: { type: e?.name, code: e?.code, cause: e?.cause?.name }, during: session.form ? "form" : "command" }, "console: a line failed");
        const form = session.form ? `\nYour answers are kept.\n${currentPrompt(session.form)}` : "";
        say(`That did not work: something went wrong on our side and nothing was sent. Try again in a moment.${form}`);
        return true;
      }
    },
  };
}

export type ConsoleChat = ReturnType<typeof createConsoleChat>;
