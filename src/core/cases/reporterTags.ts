// How a reporter finds their own cases without the table linking them: each of a person's cases
// carries a different tag, HMAC(key, person id + slot number), slot 0 for their first case, 1 for
// the next, and so on. Without the key the tags are unrelated random strings (no two cases of one
// reporter share a token); with it, the reporter's tags are recomputed and looked up by index.
import type { Keyring } from "../crypto/keyring.ts";
import type { CaseDb } from "./store.ts";

const SLOT_PURPOSE = "reporter-slot";
/** Before slots: one tag, HMAC(key, person id), on all of a person's cases. Still found; rotation replaces it. */
const LEGACY_PURPOSE = "reporter";
/** Slots looked up per query; the search stops at the first batch with none in use. */
const BATCH = 32;

const slotData = (reporterId: string, slot: number) => `${reporterId}\u0000${slot}`;

/** A slot's tag under one key (the current one by default). */
function slotTag(keyring: Keyring, reporterId: string, slot: number, keyId?: string): string {
  return keyring.mac(SLOT_PURPOSE, slotData(reporterId, slot), keyId);
}

/** Slots [from, from + BATCH) under every key, tag → slot. */
function batchTags(keyring: Keyring, reporterId: string, from: number): Map<string, number> {
  const tags = new Map<string, number>();
  for (let slot = from; slot < from + BATCH; slot++) {
    for (const tag of keyring.macsUnderEveryKey(SLOT_PURPOSE, slotData(reporterId, slot))) tags.set(tag, slot);
  }
  return tags;
}

/** Every tag the person's cases carry (slots in use under any key, and legacy tags). */
export async function reporterCaseTags(db: CaseDb, keyring: Keyring, reporterId: string): Promise<string[]> {
  const found = await db.cases.takenReporterTags(keyring.macsUnderEveryKey(LEGACY_PURPOSE, reporterId));
  for (let from = 0; ; from += BATCH) {
    const taken = await db.cases.takenReporterTags([...batchTags(keyring, reporterId, from).keys()]);
    if (!taken.length) return found;
    found.push(...taken);
  }
}

/**
 * The tag for a new case of this reporter: the lowest free slot, under the current key. Holds a
 * per-reporter lock until the transaction ends, so two filings of one person never take one slot.
 */
export async function claimReporterTag(tx: CaseDb, keyring: Keyring, reporterId: string): Promise<string> {
  const lockId = Number.parseInt(slotTag(keyring, reporterId, 0).split(":")[1]!.slice(0, 8), 16) | 0;
  await tx.cases.lockReporter(lockId);
  for (let from = 0; ; from += BATCH) {
    const tags = batchTags(keyring, reporterId, from);
    const takenSlots = new Set((await tx.cases.takenReporterTags([...tags.keys()])).map((tag) => tags.get(tag)!));
    for (let slot = from; slot < from + BATCH; slot++) if (!takenSlots.has(slot)) return slotTag(keyring, reporterId, slot);
  }
}

/** Key rotation: the same slot under the current key (a legacy tag gets a free slot). */
export async function retag(tx: CaseDb, keyring: Keyring, reporterId: string, tag: string | null): Promise<string> {
  const keyId = tag?.split(":")[0];
  if (tag && keyId && keyring.ids.includes(keyId)) {
    for (let from = 0; ; from += BATCH) {
      const tags = batchTags(keyring, reporterId, from);
      const slot = tags.get(tag);
      if (slot !== undefined) return slotTag(keyring, reporterId, slot);
      if (!(await tx.cases.takenReporterTags([...tags.keys()])).length) break;
    }
  }
  return claimReporterTag(tx, keyring, reporterId);
}
