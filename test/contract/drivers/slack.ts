// Slack, driven the way Slack drives the bot: signed HTTP to /slack/events (events, clicks, modal
// submissions) with the Web API pointed at a fake Slack; DMs and modals are what a person sees.
import type { SlackCall } from "../../support/fakeSlack.ts";
import { chosen, dated, imMessage, people, person as picked, slashCommand, typed, type InputState } from "../../support/slack.ts";
import { buttonsOf, click, clickForFilledModal, clickForModal, clickInView, dm, fileThroughSlack, nextUpdate, postsTo, startCompany, submit, texts, type Company } from "../../slack/company.ts";
import { visibleText, type Driver, type Person, type Surface } from "../driver.ts";

const userOf = (person: Person) => `U0${person.toUpperCase()}`;
/** What a person reads of a post, an update or a modal: its blocks' texts (Slack's escaping undone). */
const seen = (things: unknown[]) => visibleText(things).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const textOf = (calls: SlackCall[]) => seen(calls.map((c) => [c.args.text, c.args.blocks ?? [], c.args.view ?? {}]));

/** The newest DM to the person with one of these buttons, for the thing `value` names (or whose text mentions it). */
function postWithButton(h: Company, user: string, actionIds: string[], about: string): SlackCall {
  const post = postsTo(h, dm(user))
    .filter((p) => buttonsOf(p.args.blocks).some((b) => actionIds.includes(b.action_id) && (b.value === about || texts(p).includes(about))))
    .at(-1);
  if (!post) throw new Error(`no DM to ${user} about ${about} with ${actionIds.join(" or ")}`);
  return post;
}

/**
 * What the bot did in the person's DM after `since` calls: new posts, updates, ephemeral replies.
 * Unless the submission was `answered` in its own response (a modal's errors or update), something
 * must arrive: it is waited for, and its absence fails the story.
 */
async function reactionIn(h: Company, user: string, since: number, answered: boolean): Promise<string> {
  const mine = () => h.slack.calls.slice(since).filter((c) => c.args.channel === dm(user) || c.method === "response_url");
  for (const deadline = Date.now() + 10_000; !answered && !mine().length; await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() > deadline) throw new Error(`the bot did nothing in ${user}'s DM within 10 s`);
  }
  await h.slack.settle(150);
  return textOf(mine());
}

export const slackSurface: Surface = {
  name: "Slack",
  async start(): Promise<Driver> {
    const h = await startCompany();
    const lastAnswer = new Map<Person, { question: string; post: SlackCall }>();
    const inboxSeen = new Map<Person, number>();
    const reporters = new Map<string, Person>();
    /** What the person did themselves is not news: their inbox starts after it. */
    const caughtUp = (person: Person) => inboxSeen.set(person, postsTo(h, dm(userOf(person))).length);

    /** Presses Open on the newest private update in the person's DM; the modal it fills and the id Slack gave it. */
    const openLatestUpdate = async (user: string) => {
      const post = postsTo(h, dm(user)).filter((p) => buttonsOf(p.args.blocks).some((b) => b.action_id === "case.private_update")).at(-1);
      if (!post) throw new Error(`no private update in ${user}'s DM`);
      const before = h.slack.callsTo("views.update").length;
      await click(h, user, post, "case.private_update");
      await h.slack.waitFor("views.update", { count: before + 1 });
      const filled = h.slack.callsTo("views.update")[before]!;
      return { view: filled.args.view as Record<string, any>, viewId: String(filled.args.view_id) };
    };

    return {
      privateUpdates: true,
      async ask(person, question) {
        const user = userOf(person);
        const before = postsTo(h, dm(user)).length;
        await h.sendEvent(imMessage(user, question));
        await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(user), count: before + 1 });
        const post = postsTo(h, dm(user))[before]!;
        lastAnswer.set(person, { question, post });
        caughtUp(person);
        return textOf([post]);
      },

      async feedback(person, helpful) {
        const user = userOf(person);
        const since = h.slack.calls.length;
        await click(h, user, lastAnswer.get(person)!.post, helpful ? "ask.feedback_up" : "ask.feedback_down");
        return reactionIn(h, user, since, false);
      },

      async requestApproval(person, fields) {
        const user = userOf(person);
        const answer = lastAnswer.get(person)!;
        const form = await clickForModal(h, user, answer.post, "ask.request_approval");
        const since = h.slack.calls.length;
        const values: Record<string, InputState> = {
          summary: typed(answer.question),
          amount: { type: "number_input", value: String(fields.amount) },
          currency: typed(fields.currency),
          giver: typed(fields.giver),
          organisation: typed(null),
          date: { type: "datepicker", selected_date: null },
          endDate: { type: "datepicker", selected_date: null },
          involved: people(),
        };
        const sent = await submit(h, user, form, values);
        if (sent.body) return seen([sent.body]);
        await h.slack.waitFor("chat.postMessage", { where: (c) => c.args.channel === dm(user) && texts(c).includes("Sent.") });
        const copy = await reactionIn(h, user, since, false);
        caughtUp(person);
        return copy;
      },

      async inbox(person) {
        const user = userOf(person);
        await h.app.worker.tick();
        const posts = postsTo(h, dm(user));
        const from = inboxSeen.get(person) ?? 0;
        inboxSeen.set(person, posts.length);
        return textOf(posts.slice(from));
      },

      async requests(person) {
        const user = userOf(person);
        const url = h.slack.responseUrl(`requests-${person}-${h.slack.calls.length}`);
        await h.sendForm(slashCommand(user, dm(user), "requests", url));
        const [reply] = await h.slack.waitFor("response_url", { where: (c) => url.endsWith(String(c.args._path)) });
        return textOf([reply!]);
      },

      async decide(person, reference, decision) {
        const user = userOf(person);
        const post = postWithButton(h, user, ["approval.approve"], reference);
        const form = await clickForModal(h, user, post, decision.action === "approve" ? "approval.approve" : "approval.decline");
        const since = h.slack.calls.length;
        const answer = await submit(h, user, form, decision.action === "approve" ? { conditions: typed(null) } : { reason: typed(decision.reason) });
        return [answer.body ? seen([answer.body]) : "", await reactionIn(h, user, since, Boolean(answer.body))].join("\n");
      },

      async delegate(person, delegation) {
        const user = userOf(person);
        const before = h.slack.callsTo("views.update").length;
        await h.sendForm(slashCommand(user, dm(user), "delegate", h.slack.responseUrl()));
        const form = await nextUpdate(h, before);
        const values: Record<string, InputState> =
          delegation === "stop"
            ? { delegate: { type: "users_select", selected_user: null }, until: { type: "datepicker", selected_date: null }, stop: { type: "checkboxes", selected_options: [{ value: "stop" }] } }
            : { delegate: picked(userOf(delegation.to)), until: delegation.until ? dated(delegation.until) : { type: "datepicker", selected_date: null } };
        const answer = await submit(h, user, form, values);
        caughtUp(person);
        // Field errors are shown next to their field; an update is the modal the form became.
        return answer.body?.response_action === "errors" ? Object.values(answer.body.errors as Record<string, string>).join("\n") : seen([answer.body]);
      },

      async fileReport(person, report) {
        const receipt = await fileThroughSlack(h, userOf(person), {
          what: typed(report.what),
          category: chosen(report.category),
          mode: chosen(report.mode, "radio_buttons"),
        });
        const text = [textOf([receipt]), seen([receipt.filed])].join("\n"); // the DM, and the form it filed
        const caseNumber = /C-\d{4}-\d{4}/.exec(text)?.[0];
        if (caseNumber) reporters.set(caseNumber, person);
        caughtUp(person);
        return text;
      },

      async openCase(person, caseNumber) {
        const user = userOf(person);
        const reporter = reporters.get(caseNumber) === person;
        // Someone who was never told of the case clicks Open on a case button they got hold of (a forwarded DM).
        const post = safePost(h, user, reporter ? ["case.reporter_view"] : ["case.open"], caseNumber);
        if (reporter && !post) return seen([(await openLatestUpdate(user)).view]); // anonymous: no DM names the case
        const source = post ?? postWithButton(h, userOf("priya"), ["case.open"], caseNumber);
        const moved = post ? source : { ...source, args: { ...source.args, channel: dm(user) } };
        return seen([await clickForFilledModal(h, user, moved, reporter ? "case.reporter_view" : "case.open")]);
      },

      async replyToCase(person, caseNumber, text) {
        const user = userOf(person);
        const reporter = reporters.get(caseNumber) === person;
        const action = reporter ? "case.reporter_reply" : "case.message_reporter";
        const post = safePost(h, user, [action], caseNumber);
        let form: Record<string, any>;
        if (reporter && !post) {
          // Anonymous: Reply sits in the private update's modal, and its form is pushed over it.
          const update = await openLatestUpdate(user);
          const pushes = h.slack.callsTo("views.push").length;
          await clickInView(h, user, update.view, update.viewId, action);
          await h.slack.waitFor("views.push", { count: pushes + 1 });
          form = h.slack.callsTo("views.push")[pushes]!.args.view;
        } else {
          // Someone never told of the case presses the button on a copy of the handler's DM they got hold of.
          const source = post ?? { ...postWithButton(h, userOf("priya"), [action], caseNumber) };
          form = await clickForModal(h, user, { ...source, args: { ...source.args, channel: dm(user) } }, action);
        }
        const since = h.slack.calls.length;
        const answer = await submit(h, user, form, { text: typed(text) });
        return [answer.body ? seen([answer.body]) : "", await reactionIn(h, user, since, Boolean(answer.body))].join("\n");
      },

      async acknowledge(person, caseNumber) {
        const user = userOf(person);
        const post = safePost(h, user, ["case.acknowledge"], caseNumber) ?? { ...postWithButton(h, userOf("priya"), ["case.acknowledge"], caseNumber) };
        const since = h.slack.calls.length;
        await click(h, user, { ...post, args: { ...post.args, channel: dm(user) } }, "case.acknowledge");
        return reactionIn(h, user, since, false);
      },

      async closeCase(person, caseNumber, outcome) {
        const user = userOf(person);
        const form = await clickForModal(h, user, postWithButton(h, user, ["case.close"], caseNumber), "case.close");
        const answer = await submit(h, user, form, { outcome: chosen(outcome) });
        return answer.body?.response_action === "errors" ? Object.values(answer.body.errors as Record<string, string>).join("\n") : seen([answer.body]);
      },

      close: () => h.close(),
    };
  },
};

function safePost(h: Company, user: string, actionIds: string[], about: string): SlackCall | undefined {
  try {
    return postWithButton(h, user, actionIds, about);
  } catch {
    return undefined;
  }
}
