import { normalizeEmail, normalizePlatformId, platformField, toPerson, type PersonRecord } from "./record.ts";
import type { DirectoryRepository, DirectoryWriter } from "./repository.ts";
import type { Person, Platform } from "./types.ts";

/** What the surface learnt from the platform (Slack users.info, Teams member lookup); null if nothing. */
export type PlatformLookup = () => Promise<{ name: string; email: string } | null>;

export interface Enrolment {
  person: Person;
  /** Set exactly once per enrolled person: the first time the bot should tell them. */
  notice?: string;
}

/**
 * Who is writing to the bot. Someone not yet known by this platform id is looked up through the
 * platform: a person with that email gets the platform id linked; anyone else is enrolled without
 * supervisor or roles and, once, told where approvals needing their supervisor will go.
 * Null when the platform cannot say who they are (no such user, or no email).
 */
export async function resolveOrEnrol(
  repo: DirectoryRepository,
  platform: Platform,
  platformUserId: string,
  lookup: PlatformLookup,
  now: () => Date = () => new Date(),
): Promise<Enrolment | null> {
  const id = normalizePlatformId(platform, platformUserId);
  let record = await repo.findByPlatformId(platform, id);
  if (!record?.active) {
    const found = await lookup();
    const email = found ? normalizeEmail(found.email) : "";
    if (!found || !email.includes("@")) return null;
    const name = found.name.trim() || email;
    record = await repo.exclusive((tx) => enrol(tx, platform, id, { name, email }));
  }
  if (record.source === "platform" && !record.noticeShownAt && (await repo.claimNotice(record.id, now()))) {
    return { person: toPerson(record), notice: await noticeFor(repo, record) };
  }
  return { person: toPerson(record) };
}

async function enrol(tx: DirectoryWriter, platform: Platform, id: string, found: { name: string; email: string }): Promise<PersonRecord> {
  const field = platformField[platform];
  const holder = await tx.findByPlatformId(platform, id);
  if (holder?.active) return holder; // another message from them got here first
  const target = (await tx.findByEmail(found.email)) ?? holder;
  if (holder && holder.id !== target?.id) await tx.update(holder.id, { [field]: null });

  if (target?.active) {
    // Already known by email: link this account, unless the file names another one for them.
    if (target[field] !== null) return target;
    await tx.update(target.id, { [field]: id });
    return { ...target, [field]: id };
  }
  const enrolled = {
    name: found.name,
    email: found.email,
    [field]: id,
    supervisorId: null,
    roles: [],
    source: "platform",
    active: true,
    mergedIntoId: null,
    noticeShownAt: null,
  } satisfies Partial<PersonRecord>;
  if (target) {
    // No longer in the file: back as an enrolled person, without the supervisor or roles they had.
    await tx.update(target.id, enrolled);
    return { ...target, ...enrolled };
  }
  const person: PersonRecord = { id: await freeId(tx, `${platform}:${id}`), slackId: null, teamsId: null, ...enrolled };
  await tx.insert(person);
  return person;
}

async function freeId(tx: DirectoryWriter, base: string): Promise<string> {
  let id = base;
  for (let n = 2; await tx.findById(id); n++) id = `${base}-${n}`;
  return id;
}

async function noticeFor(repo: DirectoryRepository, person: PersonRecord): Promise<string> {
  const officers = (await repo.findActiveByRole("ethics_officer")).map((p) => p.name);
  const who = officers.length ? `the ethics officer (${officers.join(", ")})` : "the ethics officer";
  return (
    `Hi ${person.name}, you are not in the company directory yet. Until HR adds your supervisor, ` +
    `requests that need your supervisor's approval will go to ${who} instead.`
  );
}
