import { z } from "zod";
import type { Actor } from "../../interactions/actor.ts";
import type { ConsoleDeps } from "./deps.ts";
import type { ConsoleSession } from "./session.ts";

export interface CommandContext {
  deps: ConsoleDeps;
  session: ConsoleSession;
  say(text: string): void;
}

interface CommandSpec<A> {
  usage: string;
  help: string;
  args: z.ZodType<A, z.ZodTypeDef, string>;
}

/**
 * One slash command: its arguments are parsed (and rejected with a usage line) by a zod schema
 * over the text after it. One that acts as a directory person (`asPerson`) is refused until
 * `/as <id>`, and runs with that person identified (`actor`, the console's identify step).
 */
export type ConsoleCommand<A = unknown> =
  | (CommandSpec<A> & { asPerson?: false; /** "quit" ends the chat. */ run(ctx: CommandContext, args: A, me: string): Promise<void | "quit"> })
  | (CommandSpec<A> & { asPerson: true; run(ctx: CommandContext, args: A, me: string, actor: Actor): Promise<void | "quit"> });

/** Keeps each command's argument type while collecting them in one table. */
export const command = <A>(c: ConsoleCommand<A>): ConsoleCommand<unknown> => c as ConsoleCommand<unknown>;

/** The first word and the rest: "/reply C-2026-0001 some text" → { head: "C-2026-0001", rest: "some text" }. */
const words = (raw: string) => {
  const text = raw.trim();
  const gap = text.search(/\s/);
  return gap < 0 ? { head: text, rest: "" } : { head: text.slice(0, gap), rest: text.slice(gap).trim() };
};
export const headAndRest = <S extends { head: z.ZodTypeAny; rest: z.ZodTypeAny }>(shape: S) => z.string().transform(words).pipe(z.object(shape));

export const caseNumber = z
  .string()
  .regex(/^C-\d{4}-\d+$/i, "give a case number like C-2026-0001")
  .transform((s) => s.toUpperCase());
export const requestReference = z
  .string()
  .regex(/^AP-\d+$/i, "give a request like AP-12")
  .transform((s) => s.toUpperCase());
export const text = (what: string) => z.string().min(1, `write ${what} after it`);
export const nothing = z.string();
export const just = <T extends z.ZodTypeAny>(schema: T) => z.string().transform((s) => s.trim()).pipe(schema);
