import { z } from "zod";
import { command, just, nothing, type CommandContext } from "./command.ts";
import type { ConsoleServices, InboxItem } from "./deps.ts";
import { notificationText } from "./render/notification.ts";

/** A name lookup that asks the directory once per person. */
export function nameLookup(services: ConsoleServices) {
  const known = new Map<string, string>();
  return {
    async load(ids: Iterable<string>) {
      for (const id of ids) if (!known.has(id)) known.set(id, (await services.directory.get(id))?.name ?? id);
    },
    nameOf: (id: string) => known.get(id) ?? id,
  };
}

export const actAs = command({
  usage: "/as <id>",
  help: "act as a person from the directory (to report, request and approve)",
  args: just(z.string()),
  async run({ deps, session, say }, id) {
    if (!id) return say(session.actingAs ? `You are acting as ${session.actingAs}.` : "Usage: /as <id>, with a person's id from the directory.");
    const person = await (await deps.services()).directory.get(id);
    if (!person) return say(`No one with the id ${id} is in the directory.`);
    session.actingAs = person.id;
    say(`You are now acting as ${person.name} (${person.id}).`);
  },
});

export const inbox = command({
  usage: "/inbox [all]",
  help: "your notifications: new ones, or all of them",
  args: just(z.enum(["", "all"], { errorMap: () => ({ message: 'say "all" or nothing' }) })),
  asPerson: true,
  async run(ctx: CommandContext, which, me) {
    const services = await ctx.deps.services();
    const mine = (item: InboxItem) => item.recipientId === me || services.cases.reporterNoticeRecipient(item) === me;
    const items = (await services.reads.notificationsFor(me)).filter((item) => mine(item) && (which === "all" || !ctx.session.seen.has(item.id)));
    const names = nameLookup(services);
    await names.load(items.flatMap((item) => personIdsIn(item.payload)));
    const lines: string[] = [];
    for (const item of items) {
      ctx.session.seen.add(item.id);
      const text = notificationText(item, names.nameOf, (i) => services.cases.openReporterNotice(i));
      if (text) lines.push(`• ${text}`);
    }
    ctx.say(lines.length ? lines.join("\n") : which === "all" ? "You have no notifications." : "No new notifications.");
  },
});

/** Person ids a notification payload names (requester, asker, deciders, delegator, subject). */
function personIdsIn(payload: unknown): string[] {
  const p = (payload ?? {}) as Record<string, unknown>;
  const ids = [p.requesterId, p.askedById, p.onBehalfOf, p.personId, p.subjectId];
  for (const d of Array.isArray(p.decidedBy) ? p.decidedBy : []) ids.push((d as { actorId?: unknown }).actorId);
  return ids.filter((id): id is string => typeof id === "string");
}

export const quit = command({
  usage: "/quit",
  help: "leave the chat",
  args: nothing,
  async run({ say }) {
    say("Goodbye.");
    return "quit";
  },
});
