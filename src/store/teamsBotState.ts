import { randomUUID } from "node:crypto";
import type { Storage, StoreItems } from "botbuilder";
import { dayOf } from "./day.ts";
import type { PrismaClient } from "./db.ts";

/** Thrown when a write carries an eTag that no longer matches the stored item (someone wrote first). */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = "ETagConflictError";
  }
}

/**
 * botbuilder `Storage` in the database, so turn state survives restarts and is shared by every
 * replica. Semantics follow botbuilder's MemoryStorage: each write gets a new eTag; a write that
 * carries an eTag (other than "*") only succeeds if the stored item still has that eTag; a
 * write without one, or with "*", or to a key not stored yet, always succeeds.
 */
export class PrismaStorage implements Storage {
  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError("Keys are required when reading.");
    if (keys.length === 0) return {};
    const rows = await this.prisma.teamsBotState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.value as object), eTag: row.eTag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== "object") throw new ReferenceError("Changes are required when writing.");
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: unknown; [field: string]: unknown };
      const value = JSON.parse(JSON.stringify(rest)) as object;
      const next = randomUUID();
      if (typeof eTag !== "string" || eTag === "" || eTag === "*") {
        await this.prisma.teamsBotState.upsert({ where: { key }, create: { key, value, eTag: next, updatedAt: dayOf() }, update: { value, eTag: next, updatedAt: dayOf() } });
        continue;
      }
      const { count } = await this.prisma.teamsBotState.updateMany({ where: { key, eTag }, data: { value, eTag: next, updatedAt: dayOf() } });
      if (count === 1) continue;
      // Not updated: either the key is new (write it, as MemoryStorage does) or another writer won.
      const created = await this.prisma.teamsBotState.createMany({ data: [{ key, value, eTag: next, updatedAt: dayOf() }], skipDuplicates: true });
      if (created.count !== 1) throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.prisma.teamsBotState.deleteMany({ where: { key: { in: keys } } });
  }
}
