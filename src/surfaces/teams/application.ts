import { ActivityTypes, type TurnContext } from "botbuilder";
import { Application, type TeamsAdapter } from "@microsoft/teams-ai";
import type { TeamsDeps } from "./deps.ts";
import { isCardAction, isSearchInvoke, onAskPerson, onFeedback, onReportConcern, onRequestApproval, onRequestApprovalDialog, onUnknownCardAction } from "./handlers/cardActions.ts";
import { onMembersAdded } from "./handlers/install.ts";
import { onMessage } from "./handlers/message.ts";
import { rememberPersonalChat } from "./handlers/rememberChat.ts";
import type { Storage } from "botbuilder";
import { VERBS } from "./verbs.ts";

/** Registers one group of routes (reports, approvals) on the Application, with the surface's deps. */
export type RouteGroup = (app: Application, deps: TeamsDeps) => void;

/**
 * The teams-ai Application: one small handler per activity type, card buttons by verb. Turn
 * state lives in the database (TeamsData.botState), never in memory. The typing indicator is off:
 * answers are immediate, and its timer is shared across concurrent turns.
 */
export function createApplication(
  adapter: TeamsAdapter,
  botAppId: string,
  storage: Storage,
  deps: TeamsDeps,
  more: readonly RouteGroup[] = [],
  /** The identify step (cores.ts identifyTurn): before every turn, so no handler runs without it. */
  identify?: (context: TurnContext) => Promise<boolean>,
): Application {
  const app = new Application({
    adapter,
    botAppId,
    storage,
    startTypingTimer: false,
    // Done in onMessage instead: botbuilder's version throws on a message without text.
    removeRecipientMention: false,
    longRunningMessages: false,
  });
  app.turn("beforeTurn", rememberPersonalChat(deps));
  if (identify) app.turn("beforeTurn", identify);
  // First the groups, so a flow in progress (a report being written) can take a message before Ask does.
  for (const group of more) group(app, deps);
  app.conversationUpdate("membersAdded", onMembersAdded(deps));
  app.activity(ActivityTypes.Message, onMessage(deps));
  app.adaptiveCards.actionExecute(VERBS.feedback, onFeedback(deps));
  app.adaptiveCards.actionExecute(VERBS.requestApproval, onRequestApproval(deps));
  app.taskModules.fetch(VERBS.requestApproval, onRequestApprovalDialog(deps));
  app.adaptiveCards.actionExecute(VERBS.reportConcern, onReportConcern(deps));
  app.adaptiveCards.actionExecute(VERBS.askPerson, onAskPerson(deps));
  // A typeahead no route knows (an older card's dataset, a malformed query): no choices, not an error.
  app.adaptiveCards.search(isSearchInvoke, async () => []);
  // Last: a button no route knows (a card from an older version) gets a toast, not an error.
  app.addRoute(isCardAction, onUnknownCardAction, true);
  return app;
}
