import type { SentMessages } from "../interactions/sentCopies.ts";
import type { PrismaClient } from "./db.ts";

export interface SlackMessageRef {
  channel: string;
  ts: string;
  personId: string;
}

/** Remembers a message the bot posted, so it can be updated later (same channel and ts: kept once). */
export async function rememberSlackMessage(prisma: PrismaClient, message: SlackMessageRef & { subject: string }, at: Date): Promise<void> {
  await prisma.slackMessage.createMany({ data: [{ ...message, createdAt: at }], skipDuplicates: true });
}

/** The messages posted about a subject, oldest first; optionally only those posted to one person. */
export async function slackMessagesAbout(prisma: PrismaClient, subject: string, personId?: string): Promise<SlackMessageRef[]> {
  const rows = await prisma.slackMessage.findMany({
    where: { subject, ...(personId ? { personId } : {}) },
    orderBy: [{ createdAt: "asc" }, { ts: "asc" }],
    select: { channel: true, ts: true, personId: true },
  });
  return rows;
}

/** The SentMessages port over slack_message: a message's id is its ts, its channel where it is. */
export function slackSentMessages(prisma: PrismaClient): SentMessages<{ channel: string }> {
  return {
    remember: (subject, { personId, id, where }, at) => rememberSlackMessage(prisma, { subject, personId, ts: id, channel: where.channel }, at),
    async about(subject, personId) {
      return (await slackMessagesAbout(prisma, subject, personId)).map((m) => ({ personId: m.personId, id: m.ts, where: { channel: m.channel } }));
    },
  };
}
