import type { PrismaClient } from "./generated/client.ts";
import { SEALED_RECIPIENT } from "./outbox.ts";

/** The web console's and `conduct chat`'s reads (ConsoleReads in src/surfaces/console/deps.ts): notifications are read, never marked sent (other surfaces may still deliver them). */
export function prismaReads(prisma: PrismaClient) {
  return {
    notificationsFor: (personId: string) =>
      prisma.outboxMessage.findMany({
        where: { recipientId: { in: [personId, SEALED_RECIPIENT] } }, // sealed ones: the caller opens them to see whose they are
        orderBy: [{ createdAt: "asc" }, { seq: "asc" }], // the order they were written
        select: { id: true, recipientId: true, kind: true, payload: true, createdAt: true },
      }),
    people: () => prisma.person.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: { id: true, name: true } }),
    async requestIdOf(reference: string): Promise<string | null> {
      const number = Number(/^AP-(\d+)$/i.exec(reference.trim())?.[1]);
      if (!Number.isSafeInteger(number)) return null;
      const row = await prisma.approvalRequest.findFirst({ where: { number }, select: { id: true } });
      return row?.id ?? null;
    },
  };
}
