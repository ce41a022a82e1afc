import { normalizePlatformId, toPerson, type PersonRecord } from "./record.ts";
import type { DirectoryRepository } from "./repository.ts";
import type { DirectoryQueries, HeldRole, Person, Platform } from "./types.ts";

/** The DirectoryQueries other cores use, over the directory's repository. */
export function createDirectoryQueries(repo: DirectoryRepository): DirectoryQueries {
  /** A stored row, following merges to the person who took over; inactive people are still returned. */
  const current = async (id: string): Promise<PersonRecord | null> => {
    let record = await repo.findById(id);
    const seen = new Set<string>();
    while (record?.mergedIntoId && !seen.has(record.id)) {
      seen.add(record.id);
      const target = await repo.findById(record.mergedIntoId);
      if (!target) break;
      record = target;
    }
    return record;
  };

  const supervisorOf = async (personId: string): Promise<Person | null> => {
    const person = await current(personId);
    const supervisor = person?.supervisorId ? await current(person.supervisorId) : null;
    return supervisor ? toPerson(supervisor) : null;
  };

  return {
    async get(personId) {
      const record = await current(personId);
      return record ? toPerson(record) : null;
    },
    supervisorOf,
    async aliasesOf(personId) {
      const id = (await current(personId))?.id ?? personId;
      const ids = [id];
      for (let i = 0; i < ids.length; i++) {
        for (const merged of await repo.idsMergedInto(ids[i]!)) if (!ids.includes(merged)) ids.push(merged);
      }
      return ids;
    },
    async holdersOf(role: HeldRole) {
      return (await repo.findActiveByRole(role)).map(toPerson);
    },
    async chainAbove(personId) {
      const chain: Person[] = [];
      let at = await current(personId);
      const seen = new Set(at ? [at.id] : []);
      while (at?.supervisorId) {
        const supervisor = await current(at.supervisorId);
        if (!supervisor || seen.has(supervisor.id)) break; // a stored cycle ends the chain
        seen.add(supervisor.id);
        chain.push(toPerson(supervisor));
        at = supervisor;
      }
      return chain;
    },
    async resolve(platform: Platform, platformUserId: string) {
      const record = await repo.findByPlatformId(platform, normalizePlatformId(platform, platformUserId));
      return record?.active ? toPerson(record) : null;
    },
  };
}
