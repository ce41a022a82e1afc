import type { Answer } from "../../core/advice/index.ts";
import type { OpenForm } from "./form.ts";

/** One person at the terminal: who they act as, their last answer, a form being filled, notifications already shown. */
export interface ConsoleSession {
  actingAs?: string;
  lastAnswer?: Answer;
  /** Names the last answer for its one 👍/👎 (random: nothing about the person). */
  lastAnswerKey?: string;
  form?: OpenForm;
  /** Outbox ids `/inbox` has shown in this session (to whomever the session was acting as). */
  seen: Set<string>;
}

export const newSession = (): ConsoleSession => ({ seen: new Set() });
