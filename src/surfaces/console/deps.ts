import type { RateLimiter } from "../../core/limits/rateLimit.ts";
import type { Advisor } from "../../core/advice/index.ts";
import type { AnswerFeedback } from "../../core/advice/feedback.ts";
import type { ApprovalService } from "../../core/approvals/index.ts";
import type { CaseService } from "../../core/cases/index.ts";
import type { DirectoryQueries } from "../../core/directory/types.ts";

/** One notification from the outbox, as the console shows it in `/inbox`. */
export interface InboxItem {
  id: string;
  recipientId: string;
  kind: string;
  payload: unknown;
  createdAt: Date;
}

/** Reads the console needs that the cores do not offer: a person's notifications, a request's id by its reference. */
export interface ConsoleReads {
  /** Everything the outbox holds for the person (delivered elsewhere or not), oldest first, and every notification with a sealed recipient (the caller keeps those it can open for the person). */
  notificationsFor(personId: string): Promise<InboxItem[]>;
  /** "AP-12" → the request's id, or null. */
  requestIdOf(reference: string): Promise<string | null>;
  /** Everyone active in the directory, by id: what `/people` lists and `/as` suggests from. */
  people(): Promise<Array<{ id: string; name: string }>>;
}

/** The cores the console talks to, as src/app.ts (or `conduct chat`) composes them. */
export interface ConsoleServices {
  directory: DirectoryQueries;
  cases: CaseService;
  approvals: ApprovalService;
  reads: ConsoleReads;
  /** Where 👍/👎 on answers are counted. */
  feedback: AnswerFeedback;
}

export interface ConsoleDeps {
  advisor: Advisor;
  /** How fast one person may ask (ASKS_PER_MINUTE); unlimited when absent. */
  asking?: RateLimiter;
  /** Opened on first use: asking needs no database, reporting and approving do. */
  services(): Promise<ConsoleServices>;
  /** Where a failure's cause goes (at debug level): its type and code, never what was typed. */
  logger?: { debug(details: object, message: string): void };
}
