import type { Clock } from "./core/clock.ts";
import type { DirectoryQueries, Person } from "./core/directory/types.ts";
import type { Logger } from "./log.ts";
import type { Metrics } from "./metrics.ts";
import type { PrismaClient } from "./store/generated/client.ts";
import { runDueJobs, type JobHandler } from "./store/jobs.ts";
import type { OutboxMessage } from "./core/notifications/outbox.ts";
import { deliverDue, RetryLater, SEALED_RECIPIENT } from "./store/outbox.ts";

/** A platform that can deliver a notification to a person (Slack DM, Teams 1:1, …). */
export interface NotificationChannel {
  name: string;
  canReach(person: Person): boolean | Promise<boolean>;
  /** Renders and sends; throws RetryLater on 429/5xx/timeouts. */
  send(person: Person, message: OutboxMessage): Promise<void>;
  /** Kinds addressed to a conversation, not to a person (a Slack answer): sent by sendToConversation, with no directory lookup. */
  conversationKinds?: ReadonlySet<string>;
  sendToConversation?(message: OutboxMessage): Promise<void>;
  /** Follow-up work a channel gathered during a pass, done once at its end (never throws). */
  afterPass?(): Promise<void>;
}

export interface WorkerOptions {
  prisma: PrismaClient;
  directory: Pick<DirectoryQueries, "get">;
  channels: NotificationChannel[];
  jobHandlers: Record<string, JobHandler>;
  /**
   * Who a notification with a sealed recipient (SEALED_RECIPIENT: a case's reporter) is for, opened
   * with the report keys at delivery; null if it cannot be opened.
   */
  sealedRecipientOf?: (message: OutboxMessage) => string | null;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
  /** Run after each pass's deliveries (passing on undelivered handler notices); each returns how much it did. */
  afterDeliveries?: Array<() => Promise<number>>;
  /** Counts delivery outcomes (metrics). */
  metrics?: Pick<Metrics, "delivery">;
}

// Someone the bot cannot reach yet (never talked to it on Teams, say) is tried again later.
const UNREACHABLE_RETRY_MS = 15 * 60_000;

/** Fires due timers and delivers the outbox, on every replica; the database keeps it once-only. */
export function createWorker(options: WorkerOptions) {
  const { prisma, directory, channels, jobHandlers, clock, logger, intervalMs = 1_000, metrics, afterDeliveries = [] } = options;
  const delivery = { clock, ...(metrics ? { onOutcome: metrics.delivery } : {}) };

  const send = async (message: OutboxMessage): Promise<void> => {
    const addressed = channels.find((channel) => channel.conversationKinds?.has(message.kind));
    if (addressed?.sendToConversation) return addressed.sendToConversation(message);
    const recipientId = message.recipientId === SEALED_RECIPIENT ? options.sealedRecipientOf?.(message) : message.recipientId;
    if (!recipientId) throw new Error("a sealed recipient could not be opened (report keys missing or changed?)");
    const person = await directory.get(recipientId);
    if (!person) throw new Error("recipient is not in the directory");
    for (const channel of channels) {
      if (await channel.canReach(person)) return channel.send(person, message);
    }
    throw new RetryLater("recipient not reachable on any platform yet", UNREACHABLE_RETRY_MS);
  };

  /** One pass: timers first (they may enqueue notifications), then deliveries. */
  const tick = async (): Promise<{ jobs: number; sent: number }> => {
    const jobs = await runDueJobs(prisma, jobHandlers, { clock });
    let sent = 0;
    for (let batch = await deliverDue(prisma, send, delivery); batch > 0; batch = await deliverDue(prisma, send, delivery)) sent += batch;
    await Promise.all(channels.map((channel) => channel.afterPass?.()));
    // What they enqueue goes out in the next pass.
    for (const step of afterDeliveries) await step();
    if (jobs || sent) logger.debug({ jobs, sent }, "worker pass");
    return { jobs, sent };
  };

  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<unknown> | undefined; // at most one pass at a time per process
  return {
    tick,
    start() {
      timer = setInterval(() => {
        pass ??= tick()
          .catch((error) => logger.warn({ err: { type: (error as Error).name } }, "worker pass failed"))
          .finally(() => (pass = undefined));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await pass;
    },
  };
}
