import type { PrismaClient } from "./db.ts";

/** Active people in the directory whose name or email contains `query` (a picker's list: no rules), by name, at most `limit`. */
export function searchPeople(prisma: PrismaClient) {
  return (query: string, limit: number): Promise<Array<{ id: string; name: string }>> => {
    const text = query.trim().slice(0, 100);
    return prisma.person.findMany({
      where: {
        active: true,
        mergedIntoId: null,
        ...(text ? { OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }] } : {}),
      },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: limit,
    });
  };
}
