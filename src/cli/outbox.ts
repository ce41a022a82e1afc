import { loadConfig } from "../config.ts";
import { REPORTER_KINDS } from "../core/cases/notifications.ts";
import { systemClock } from "../core/clock.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { listFailed, retryFailed, type OutboxMessage } from "../store/outbox.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct outbox failed          list the messages the bot gave up delivering
       conduct outbox retry ID|--all    queue one failed message (or every one) for delivery again`;

const REPORTER = new Set<string>(Object.values(REPORTER_KINDS));

/** One line per message; a reporter's notices show no recipient, so the list never says who reported. */
const line = (m: OutboxMessage) =>
  [m.id, m.kind, REPORTER.has(m.kind) ? "(a reporter)" : m.recipientId, `${m.attempts} attempts`, `since ${m.createdAt.toISOString()}`, m.lastError ?? ""].join("  ");

/** `conduct outbox`: what the bot could not deliver, and sending it again once the cause is fixed. */
export async function run(args: string[]): Promise<number> {
  const [sub, target, ...rest] = args;
  const listing = sub === "failed" && target === undefined;
  const retrying = sub === "retry" && target !== undefined && !rest.length;
  if (!listing && !retrying) throw new UsageError(args.length ? `unknown: ${args.join(" ")}` : "say what to do: failed or retry");
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    if (listing) {
      const failed = await listFailed(db.prisma);
      if (!failed.length) console.log("no failed messages");
      for (const message of failed) console.log(line(message));
      return 0;
    }
    const count = await retryFailed(db.prisma, target === "--all" ? "all" : { id: target! }, systemClock);
    if (!count && target !== "--all") {
      console.error(`no failed message with id ${target} (see conduct outbox failed)`);
      return 1;
    }
    console.log(`${count} message${count === 1 ? "" : "s"} queued for delivery again`);
    return 0;
  } finally {
    await db.close();
  }
}
