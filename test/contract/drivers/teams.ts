// Teams, driven the way Teams drives the bot: Bot Framework activities to /api/messages (messages,
// Action.Execute clicks, dialog fetch/submit) with a fake Bot Connector; cards are what a person sees.
import { APPROVAL_VERBS, CASE_VERBS } from "../../../src/surfaces/teams/verbs.ts";
import { cardAction, cardOf, cardTexts, dialogInvoke, personalInstall, personalMessage, type TeamsTestApp } from "../../support/teams.ts";
import { startWithPeople } from "../../teams/support/people.ts";
import type { Driver, Person, Surface } from "../driver.ts";

type Card = { body?: unknown[]; actions?: Array<{ title: string; verb?: string; data?: Record<string, unknown> }> };
type From = { id: string; name: string; aadObjectId: string };

/** What a person reads of cards and messages: TextBlocks and facts, markdown escapes undone. */
const seen = (parts: Array<Card | string>) =>
  parts
    .flatMap((p) => (typeof p === "string" ? [p] : cardTexts(p)))
    .join("\n")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, "$1");

/** A dialog answer (task/fetch, task/submit) as what it shows: the form card, or the closing message. */
const dialogShows = (answer: any): Card | string => (answer?.task?.type === "continue" ? answer.task.value.card.content : String(answer?.task?.value ?? ""));

const PEOPLE: Person[] = ["alex", "helen", "victor", "grace", "priya"];

export const teamsSurface: Surface = {
  name: "Teams",
  async start(): Promise<Driver> {
    const { t } = await startWithPeople();
    const from = new Map<Person, From>();
    for (const person of PEOPLE) {
      const p = (await t.app.directory.get(person))!;
      from.set(person, { id: `29:1${person}`, name: p.name, aadObjectId: p.teamsId! });
      await t.post(personalInstall({ serviceUrl: t.connector.url, from: from.get(person)!, conversationId: chatOf(person) }));
    }
    const welcomed = new Map(PEOPLE.map((p) => [p, t.connector.sent(chatOf(p)).length]));
    const inboxSeen = new Map<Person, number>(welcomed);
    const lastAnswer = new Map<Person, Card>();
    /** The activity id of each person's last answer card (what a click on it replies to). */
    const lastAnswerId = new Map<Person, string>();
    const reporters = new Map<string, Person>();
    /** What the person did themselves is not news: their inbox starts after it. */
    const caughtUp = (person: Person) => inboxSeen.set(person, sentTo(t, person).length);

    const base = (person: Person) => ({ serviceUrl: t.connector.url, from: from.get(person)!, conversationId: chatOf(person) });
    const invoke = async (activity: unknown): Promise<any> => (await t.post(activity)).json();
    const dialog = (person: Person, name: "task/fetch" | "task/submit", data: Record<string, unknown>) => invoke(dialogInvoke({ ...base(person), name, data }));
    const cardsTo = (person: Person, since = 0) => sentTo(t, person).slice(since).flatMap((b) => (b?.attachments?.length ? [cardOf(b) as Card] : []));
    /** The newest card in the person's chat with a button titled one of `titles` about `about` (its data or its text). */
    const button = (person: Person, titles: string[], about: string) =>
      cardsTo(person)
        .flatMap((card) => (card.actions ?? []).filter((a) => titles.includes(a.title) && (a.data?.caseNumber === about || seen([card]).includes(about))))
        .at(-1);
    /** Opens a dialog from a button, fills its form and sends it; what the person sees afterwards. */
    async function fillDialog(person: Person, data: Record<string, unknown>, inputs: Record<string, string>): Promise<string> {
      const form = dialogShows(await dialog(person, "task/fetch", data));
      if (typeof form === "string") return form;
      const before = sentTo(t, person).length;
      const submit = form.actions?.[0]?.data ?? {};
      const closed = dialogShows(await dialog(person, "task/submit", { ...prefilled(form), ...submit, ...inputs }));
      return seen([closed, ...cardsTo(person, before)]);
    }

    /** The Open of the newest private update in the person's chat (an anonymous reporter's only notification). */
    const latestUpdate = (person: Person) =>
      cardsTo(person)
        .flatMap((card) => (card.actions ?? []).filter((a) => a.data?.verb === CASE_VERBS.privateUpdate))
        .at(-1);

    return {
      privateUpdates: true,
      async ask(person, question) {
        const before = sentTo(t, person).length;
        await t.post(personalMessage({ ...base(person), text: question }));
        const [answer] = cardsTo(person, before);
        lastAnswer.set(person, answer!);
        lastAnswerId.set(person, t.connector.sent(chatOf(person))[before]!.sentId!);
        caughtUp(person);
        return seen([answer!]);
      },

      async feedback(person, helpful) {
        const vote = lastAnswer.get(person)?.actions?.find((a) => a.title === (helpful ? "👍" : "👎"));
        if (!vote) return "no feedback button";
        const answer = await invoke(cardAction({ ...base(person), verb: vote.verb!, data: vote.data, replyToId: lastAnswerId.get(person)! }));
        return seen([typeof answer.value === "string" ? answer.value : answer.value]);
      },

      async requestApproval(person, fields) {
        const request = lastAnswer.get(person)?.actions?.find((a) => a.title === "Request approval");
        if (!request) return "no Request approval button";
        const sent = await fillDialog(person, request.data!, { amount: String(fields.amount), currency: fields.currency, giver: fields.giver });
        caughtUp(person);
        return sent;
      },

      async inbox(person) {
        await t.app.worker.tick();
        const from = inboxSeen.get(person)!;
        inboxSeen.set(person, sentTo(t, person).length);
        return seen(cardsTo(person, from));
      },

      async requests(person) {
        const before = sentTo(t, person).length;
        await t.post(personalMessage({ ...base(person), text: "requests" }));
        caughtUp(person);
        return seen(sentTo(t, person).slice(before).map((b) => (b?.attachments?.length ? (cardOf(b) as Card) : String(b?.text ?? ""))));
      },

      async decide(person, reference, decision) {
        const title = decision.action === "approve" ? "Approve" : "Decline";
        const action = button(person, [title], reference);
        if (!action) return `no ${title} button about ${reference}`;
        const answer = await invoke(cardAction({ ...base(person), verb: action.verb!, data: { ...action.data, ...(decision.action === "decline" ? { reason: decision.reason } : {}) } }));
        return seen([typeof answer.value === "string" ? answer.value : answer.value]);
      },

      async delegate(person, delegation) {
        const inputs: Record<string, string> = delegation === "stop" ? { stop: "true" } : { delegateId: delegation.to, ...(delegation.until ? { until: delegation.until } : {}) };
        const shown = await fillDialog(person, { verb: APPROVAL_VERBS.delegateForm }, inputs);
        caughtUp(person);
        return shown;
      },

      async fileReport(person, report) {
        const text = await fillDialog(person, { verb: CASE_VERBS.reportForm }, { what: report.what, category: report.category, mode: report.mode });
        const caseNumber = /C-\d{4}-\d{4}/.exec(text)?.[0];
        if (caseNumber) reporters.set(caseNumber, person);
        caughtUp(person);
        return text;
      },

      async openCase(person, caseNumber) {
        const reporter = reporters.get(caseNumber) === person;
        // Someone never told of the case sends the Open of a card they got hold of.
        const open = button(person, reporter ? ["View"] : ["Open"], caseNumber)?.data ?? (reporter ? latestUpdate(person)?.data : undefined) ?? { verb: CASE_VERBS.open, caseNumber };
        return seen([dialogShows(await dialog(person, "task/fetch", open))]);
      },

      async replyToCase(person, caseNumber, text) {
        const reporter = reporters.get(caseNumber) === person;
        const action = button(person, reporter ? ["Reply", "Message the handlers"] : ["Message reporter"], caseNumber) ?? (reporter ? latestUpdate(person) : undefined);
        // Someone never told of the case sends the Message reporter of a card they got hold of.
        return fillDialog(person, action?.data ?? { verb: CASE_VERBS.messageForm, caseNumber }, { text });
      },

      async acknowledge(person, caseNumber) {
        const answer = await invoke(cardAction({ ...base(person), verb: CASE_VERBS.acknowledge, data: { caseNumber } }));
        return seen([answer.value]);
      },

      closeCase: (person, caseNumber, outcome) => fillDialog(person, { verb: CASE_VERBS.closeForm, caseNumber }, { outcome }),

      close: () => t.close(),
    };
  },
};

/** The inputs a form comes with filled in, as Teams submits them when left as they are. */
function prefilled(card: Card): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (el: any): void => {
    if (!el || typeof el !== "object") return;
    if (typeof el.type === "string" && el.type.startsWith("Input.") && el.value !== undefined) values[el.id] = el.value;
    for (const child of [...(el.body ?? []), ...(el.items ?? []), ...(el.columns ?? [])]) walk(child);
  };
  walk(card);
  return values;
}

const chatOf = (person: Person) => `a:${person}-personal-chat`;
const sentTo = (t: TeamsTestApp, person: Person) => t.connector.sent(chatOf(person)).map((c) => c.body);
