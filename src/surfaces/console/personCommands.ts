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
  help: "act as a person from the directory (to report, request and approve); /people lists the ids",
  args: just(z.string()),
  async run({ deps, session, say }, typed) {
    if (!typed) return say(session.actingAs ? `You are acting as ${session.actingAs}.` : "Usage: /as <id>, with a person's id from the directory (/people lists them).");
    const services = await deps.services();
    // Ids are matched whatever their case ("/as Alex" is alex); an unknown one gets suggestions.
    const people = await services.reads.people();
    const lower = typed.toLowerCase();
    const id = people.find((p) => p.id.toLowerCase() === lower)?.id ?? typed;
    const person = await services.directory.get(id);
    if (!person) return say(`No one with the id ${typed} is in the directory.${suggestions(people, lower)}`);
    session.actingAs = person.id;
    say(`You are now acting as ${person.name} (${person.id}).`);
  },
});

/** " Did you mean: alex (Alex Romero)?" from ids or names that contain what was typed; "" when none or too many. */
function suggestions(people: Array<{ id: string; name: string }>, lower: string): string {
  const near = people.filter((p) => p.id.toLowerCase().includes(lower) || p.name.toLowerCase().includes(lower));
  if (!near.length || near.length > 5) return " Type /people for the list.";
  return ` Did you mean ${near.map((p) => `${p.id} (${p.name})`).join(", ")}?`;
}

export const people = command({
  usage: "/people",
  help: "everyone in the directory, with the id to use in /as and in forms",
  args: nothing,
  async run({ deps, say }) {
    const everyone = await (await deps.services()).reads.people();
    if (!everyone.length) return say("The directory is empty: import one with `npx conduct directory import FILE` (or set DIRECTORY_FILE).");
    const width = Math.max(...everyone.map((p) => p.id.length));
    say(["People in the directory (id, name):", ...everyone.map((p) => `  ${p.id.padEnd(width)}  ${p.name}`)].join("\n"));
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
