import type { RateLimiter } from "../../core/limits/rateLimit.ts";
import type { webApi } from "@slack/bolt";
import type { Answer } from "../../core/advice/types.ts";
import type { AnswerFeedback } from "../../core/advice/feedback.ts";
import type { FeedbackInteraction } from "../../interactions/feedback.ts";
import type { SentMessages } from "../../interactions/sentCopies.ts";
import type { Policy } from "../../core/policy/load.ts";
import type { Logger } from "../../log.ts";
import type { ProcessedEvents } from "../../core/processedEvents.ts";
import type { Clock } from "../../core/clock.ts";
import type { AnswerQueue } from "./answerFirst.ts";
import type { UserMessage } from "./payloads.ts";
import type { Sender } from "./sender.ts";
import type { SlackMessage } from "./render/blocks.ts";

export type WebClient = webApi.WebClient;

/** The Ask core as the surface sees it (src/core/advice). */
export interface Advisor {
  advise(question: string): Answer;
}

/**
 * One person's click, command or shortcut, with the ways to answer them that work from where
 * they were: a modal (`triggerId`, valid for 3 seconds), a reply only they can see, or their DM.
 */
export interface Interaction {
  client: WebClient;
  userId: string;
  triggerId: string;
  /** The conversation they acted in, when there is one. */
  channelId?: string;
  /** The directory person acting, as the identify middleware (sender.ts) finds them, once per request. */
  sender: Sender;
  replyPrivately(message: SlackMessage): Promise<void>;
}

/**
 * The flows other parts of the product plug into. The defaults (placeholders.ts) say plainly
 * what is not switched on yet; the reports and approvals surfaces replace them in index.ts.
 */
export interface SlackFlows {
  /** "Report a concern": the button under an answer, the global shortcut, `/conduct report`. */
  startReport(interaction: Interaction, from: { clauseId?: string }): Promise<void>;
  /** "Request approval" under an answer that needs approval; `topicId` is a rules-file topic, `question` what was asked. */
  requestApproval(interaction: Interaction, topicId: string, from?: { question?: string }): Promise<void>;
  /** `/conduct requests`: the person's approval requests. */
  listRequests(interaction: Interaction): Promise<void>;
  /** "Ask a person" under an answer. */
  askPerson(interaction: Interaction, from: { clauseId?: string }): Promise<void>;
  /** App Home for one person (views.publish): on app_home_opened (`sender`: who opened it) and after their changes. */
  publishHome(client: WebClient, userId: string, sender?: Sender): Promise<void>;
  /** A person's message typed in a thread of their DM with the bot; true when it was taken (e.g. a case thread), so it is not answered as a question. */
  replyInThread(client: WebClient, message: UserMessage, botUserId: string | undefined, sender: Sender): Promise<boolean>;
}

/**
 * `/conduct <word>`. With text after the word it runs only if `takesText`; otherwise the whole
 * text is a question (so "/conduct help me with gifts" is answered, not shown the help).
 */
export interface Subcommand {
  run(interaction: Interaction, rest: string): Promise<void>;
  takesText?: boolean;
}

/** What the Slack surface keeps, as the composition root (src/compose.ts) gives it over the store. */
export interface SlackData {
  events: ProcessedEvents;
  /** Counts a question per clause, verdict and day (never who or what). */
  recordAsk(answer: Answer): Promise<void>;
  feedback: AnswerFeedback;
  /** The approval messages the bot posted, so a change redraws them. */
  sentMessages: SentMessages<{ channel: string }>;
  /** Claims a DM question's delivery and queues its answer in one statement, before the ack (answerFirst.ts). */
  answers(clock: Clock, leaseMs: number): AnswerQueue;
}

export interface SlackDeps {
  logger: Logger;
  /** Deliveries already handled (a submission runs once). */
  events: ProcessedEvents;
  policy: Policy;
  advisor: Advisor;
  /** How fast one person may ask (ASKS_PER_MINUTE); unlimited when absent. */
  asking?: RateLimiter;
  /** Counts a question per clause, verdict and day (never who or what). */
  recordAsk(answer: Answer): Promise<void>;
  /** 👍/👎 under an answer (src/interactions/feedback.ts). */
  feedback: FeedbackInteraction;
  flows: SlackFlows;
  subcommands: Map<string, Subcommand>;
}
