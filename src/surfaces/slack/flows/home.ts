import type { Logger } from "../../../log.ts";
import type { WebClient } from "../deps.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { myRequestsBlocks, waitingBlocks } from "../render/approvals.ts";
import { actions, button, context } from "../render/blocks.ts";
import { handlerCaseLines, reporterCaseLines } from "../render/cases.ts";
import { CASE_LIST_WORDS as W, listCases } from "../../../interactions/caseLists.ts";
import { delegationBlocks } from "../render/delegation.ts";
import { homeView, type HomeSection } from "../render/home.ts";
import type { Sender } from "../sender.ts";
import { identify, type SlackCores } from "../services.ts";

const MAX_PER_SECTION = 5;

/**
 * App Home: "My requests", "Waiting for my approval", "My reports" (including anonymous ones:
 * only the reporter sees this tab) and "My cases" (as a handler), each with its buttons.
 */
export function publishHomeFlow(cores: SlackCores) {
  return async (client: WebClient, userId: string, sender?: Sender): Promise<void> => {
    // Opened by the person (the request's sender), or drawn again after a change, maybe by the worker.
    const me = await (sender ? sender() : identify(cores.directory, client, userId));
    const top = cores.cases ? [actions([button(CASE_ACTIONS.report, "Report a concern", "home", "primary"), button(CASE_ACTIONS.checkReceipt, "Check a receipt", "home")])] : [];
    if (!me.person) {
      await client.views.publish({ user_id: userId, view: homeView([], [...top, context(`${me.why} Your requests and reports cannot be listed here.`)]) });
      return;
    }
    const id = me.person.id;
    const sections: HomeSection[] = [];
    if (cores.approvals) {
      const [mine, waiting, delegation] = await Promise.all([cores.approvals.listForRequester(id), cores.approvals.listWaitingFor(id), cores.approvals.delegationOf(id)]);
      sections.push({ title: "My requests", blocks: myRequestsBlocks(mine, MAX_PER_SECTION) });
      sections.push({ title: "Waiting for my approval", blocks: [...waitingBlocks(waiting, MAX_PER_SECTION), ...delegationBlocks(delegation)] });
    }
    if (cores.cases) {
      const [list, undelivered] = await Promise.all([listCases(cores.cases, { person: me.person }, MAX_PER_SECTION), cores.cases.undeliveredCount(id)]);
      const more = (cut: boolean) => (cut ? [context(W.more(list.limit))] : []);
      sections.push({ title: "My reports", blocks: list.reported.length ? [...reporterCaseLines(list.reported), ...more(list.moreReported)] : [context(W.noneReported)] });
      sections.push({ title: "My cases", blocks: list.handling.length ? [...handlerCaseLines(list.handling), ...more(list.moreHandling)] : [context(W.noneHandling)] });
      if (undelivered !== null) sections.push({ title: "Deliveries", blocks: [context(undeliveredLine(undelivered))] });
    }
    await client.views.publish({ user_id: userId, view: homeView(sections, top) });
  };
}

/** The ethics officer's count of messages the bot could not deliver (to anyone), and where to look. */
export const undeliveredLine = (count: number) =>
  count === 0
    ? "✅ Every message the bot owes someone has been delivered."
    : `⚠️ ${count} message${count === 1 ? "" : "s"} could not be delivered. \`conduct outbox failed\` lists them; \`conduct outbox retry\` sends them again.`;

/**
 * Re-publishes someone's Home after a change; a failure only costs freshness. Changes that come
 * while a publish for the same person is running share one more publish after it (each caller
 * still waits for a publish that began after its change), so a burst of notifications to one
 * handler costs two publishes, not one each.
 */
export function refreshHome(publish: (client: WebClient, userId: string) => Promise<void>, logger: Logger) {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const publishOnce = (client: WebClient, userId: string) =>
    publish(client, userId).catch((error: unknown) => logger.warn({ err: { type: (error as Error)?.name } }, "could not refresh App Home"));
  return (client: WebClient, userId: string): Promise<void> => {
    const current = running.get(userId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    running.set(userId, entry);
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await publishOnce(client, userId);
        } while (entry.again);
      } finally {
        running.delete(userId);
      }
    })();
    return entry.done;
  };
}
