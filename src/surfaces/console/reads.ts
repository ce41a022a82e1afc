import type { PrismaClient } from "../../store/generated/client.ts";
import { SEALED_RECIPIENT } from "../../store/outbox.ts";
import type { ConsoleReads } from "./deps.ts";

/** The console's reads over the store: notifications are read, never marked sent (other surfaces may still deliver them). */
export function prismaReads(prisma: PrismaClient): ConsoleReads {
  return {
    notificationsFor: (personId) =>
      prisma.outboxMessage.findMany({
        where: { recipientId: { in: [personId, SEALED_RECIPIENT] } }, // sealed ones: the caller opens them to see whose they are
        orderBy: [{ createdAt: "asc" }, { seq: "asc" }], // the order they were written
        select: { id: true, recipientId: true, kind: true, payload: true, createdAt: true },
      }),
    people: () => prisma.person.findMany({ where: { active: true }, orderBy: { id: "asc" }, select: { id: true, name: true } }),
    async requestIdOf(reference) {
      const number = Number(/^AP-(\d+)$/i.exec(reference.trim())?.[1]);
      if (!Number.isSafeInteger(number)) return null;
      const row = await prisma.approvalRequest.findFirst({ where: { number }, select: { id: true } });
      return row?.id ?? null;
    },
  };
}
