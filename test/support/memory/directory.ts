// The directory's port (core/directory/repository.ts) in memory, for core tests without a database.
import type { PersonRecord } from "../../../src/core/directory/record.ts";
import type { DirectoryReader, DirectoryRepository, DirectoryWriter } from "../../../src/core/directory/repository.ts";

const copy = (p: PersonRecord): PersonRecord => ({ ...p, roles: [...p.roles] });

/** People by id; `exclusive` runs one writer at a time and keeps nothing of a writer that threw. */
export function memoryDirectory(people = new Map<string, PersonRecord>()): DirectoryRepository & { people: Map<string, PersonRecord> } {
  const sorted = () => [...people.values()].sort((a, b) => a.id.localeCompare(b.id));
  const reader: DirectoryReader = {
    findById: async (id) => (people.has(id) ? copy(people.get(id)!) : null),
    findByEmail: async (email) => sorted().find((p) => p.email === email) ?? null,
    findByPlatformId: async (platform, platformUserId) => sorted().find((p) => (platform === "slack" ? p.slackId : p.teamsId) === platformUserId) ?? null,
    idsMergedInto: async (id) => sorted().filter((p) => p.mergedIntoId === id).map((p) => p.id),
  };
  const writer: DirectoryWriter = {
    ...reader,
    listAll: async () => sorted().map(copy),
    async insert(person) {
      if (people.has(person.id) || sorted().some((p) => p.email === person.email)) throw new Error(`person ${person.id} exists`);
      people.set(person.id, copy(person));
    },
    async update(id, changes) {
      const person = people.get(id);
      if (!person) throw new Error(`no person ${id}`);
      people.set(id, { ...person, ...changes, roles: [...(changes.roles ?? person.roles)] });
    },
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    people,
    ...reader,
    findActiveByRole: async (role) => sorted().filter((p) => p.active && p.roles.includes(role)).map(copy),
    async claimNotice(id, at) {
      const person = people.get(id);
      if (!person || person.noticeShownAt) return false;
      people.set(id, { ...person, noticeShownAt: at });
      return true;
    },
    exclusive(work) {
      const run = queue.then(async () => {
        const before = new Map([...people].map(([id, p]) => [id, copy(p)]));
        try {
          return await work(writer);
        } catch (error) {
          people.clear();
          for (const [id, p] of before) people.set(id, p);
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
