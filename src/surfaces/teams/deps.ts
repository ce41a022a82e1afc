import type { Identified, NotIdentified } from "../../interactions/identify.ts";
import type { RateLimiter } from "../../core/limits/rateLimit.ts";
import type { Activity, TurnContext } from "botbuilder";
import type { Answer } from "../../core/advice/types.ts";
import type { FeedbackInteraction } from "../../interactions/feedback.ts";
import type { Policy } from "../../core/policy/load.ts";
import type { Logger } from "../../log.ts";
import type { Storage } from "botbuilder";
import type { AnswerFeedback } from "../../core/advice/feedback.ts";
import type { ProcessedEvents } from "../../core/processedEvents.ts";
import type { SentMessages } from "../../interactions/sentCopies.ts";
import type { Picked } from "./cards/peoplePicker.ts";
import type { Card } from "./cards/elements.ts";
import type { StoredConversations, TeamsConversations } from "./conversations.ts";

/** The Ask core as the surface sees it (src/core/advice). */
export interface Advisor {
  advise(question: string): Answer;
}

/** What a flow answers with: a card (shown in place of the clicked card, or posted) or a short text. */
export type Reply = Card | string;

/** One person's message or click, with the ways to reach them. */
export interface Interaction {
  context: TurnContext;
  /** Their AAD object id, lower-cased, when Teams sent one (it always does in Teams). */
  aadObjectId?: string;
  /** Whether it happened in their 1:1 chat with the bot (else a channel or group chat). */
  personal: boolean;
  /** The directory person acting, as the turn's identify step (cores.ts identifyTurn) finds them. */
  sender(): Promise<Identified | NotIdentified>;
  /** Posts in their 1:1 chat with the bot, creating that chat if they never opened it. */
  sendPrivately(activity: Partial<Activity>): Promise<void>;
  /** Answers only them: in the 1:1 chat where they are, else via sendPrivately. */
  replyPrivately(activity: Partial<Activity>): Promise<void>;
}

/**
 * The flows other parts of the product plug into. The defaults (placeholders.ts) say plainly
 * what is not switched on yet; the reports and approvals work replaces them via TeamsOptions.flows.
 * A flow's Reply is delivered where the person acted: as the Action.Execute response for a
 * click (a card replaces theirs, a text is a toast), as a message for a typed command.
 */
export interface TeamsFlows {
  /** "Report a concern" under an answer, or the `report` command. */
  startReport(interaction: Interaction, from: { clauseId?: string }): Promise<Reply>;
  /** "Request approval" under an answer that needs approval; `topicId` is a rules-file topic, `question` what was asked. */
  requestApproval(interaction: Interaction, topicId: string, from?: { question?: string }): Promise<Reply>;
  /** The `requests` command: the person's approval requests. */
  listRequests(interaction: Interaction): Promise<Reply>;
  /** The `delegate` command: who decides the person's approvals while they are away. */
  delegate(interaction: Interaction): Promise<Reply>;
  /** "Ask a person" under an answer. */
  askPerson(interaction: Interaction, from: { clauseId?: string }): Promise<Reply>;
  /** The `console` command: a one-time sign-in link to the web console, in the 1:1 chat. */
  console(interaction: Interaction): Promise<Reply>;
  /** For the ethics officer, a line on undelivered messages for the welcome card (`help`); null for anyone else. */
  deliveries(interaction: Interaction): Promise<string | null>;
}

/** What the Teams surface keeps, as the composition root (src/compose.ts) gives it over the store. */
export interface TeamsData {
  events: ProcessedEvents;
  /** Counts a question per clause, verdict and day (never who or what). */
  recordAsk(answer: Answer): Promise<void>;
  feedback: AnswerFeedback;
  /** The approval cards the bot posted, so a change redraws them. */
  sentMessages: SentMessages<{ conversationId: string; reference: unknown }>;
  /** Each person's 1:1 chat reference. */
  conversations: StoredConversations;
  /** botbuilder's turn state, shared by every replica. */
  botState: Storage;
  /** The directory's active people whose name or email contains the text, by name, at most `limit`. */
  searchPeople(query: string, limit: number): Promise<Picked[]>;
}

export interface TeamsDeps {
  logger: Logger;
  /** The people typeahead. */
  searchPeople: TeamsData["searchPeople"];
  policy: Policy;
  advisor: Advisor;
  /** How fast one person may ask (ASKS_PER_MINUTE); unlimited when absent. */
  asking?: RateLimiter;
  /** Counts a question per clause, verdict and day (never who or what); optional. */
  recordAsk?: (answer: Answer) => Promise<void>;
  /** 👍/👎 under an answer (src/interactions/feedback.ts). */
  feedback: FeedbackInteraction;
  conversations: TeamsConversations;
  flows: TeamsFlows;
  /** Builds the Interaction of a turn (how to reach its person privately). */
  interaction(context: TurnContext): Interaction;
}
