import { normalizeEmail, normalizePlatformId, platformField, toPerson, type PersonRecord } from "./record.ts";
import type { DirectoryRepository, DirectoryWriter } from "./repository.ts";
import type { Person, Platform } from "./types.ts";

/** What the surface learnt from the platform (Slack users.info, Teams member lookup). */
export interface PlatformAccount {
  name: string;
  email: string;
  /** The organisations the account belongs to (Slack: its team and Grid org ids); absent = not known. */
  organisations?: readonly string[];
  /** The organisations the bot serves (Slack: the bot's own team and org); with `organisations`. */
  home?: readonly string[];
  /** A guest account (Slack single- or multi-channel guest, Teams guest). */
  guest?: boolean;
  /** Deactivated (Slack `deleted`). */
  deactivated?: boolean;
}

/** The account the platform reports for a user id; null if it cannot say. */
export type PlatformLookup = () => Promise<PlatformAccount | null>;

/** Who may use the bot besides the members of its own organisation (config). */
export interface AccountPolicy {
  /** More organisations served (SLACK_ALLOWED_TEAMS). */
  allowedOrganisations?: readonly string[];
  /** Guests may use the bot (ALLOW_GUESTS). */
  allowGuests?: boolean;
}

export interface Enrolment {
  person: Person;
  /** Set exactly once per enrolled person: the first time the bot should tell them. */
  notice?: string;
  refused?: undefined;
}

/**
 * Why an account is not taken as a person of the directory: the directory pins another account
 * of this platform for its email, it belongs to another organisation, it is a guest's, or it is
 * deactivated. Nothing is stored.
 */
export type RefusalReason = "other_account_pinned" | "other_organisation" | "guest" | "deactivated";
export interface Refusal {
  refused: RefusalReason;
  person?: undefined;
  notice?: undefined;
}

/**
 * "acting": the person writing to the bot (strict). "named": someone a form names (people
 * involved in a report): found by email even when the account is a guest's or another one is
 * pinned, so routing still keeps them away from the case; an id is linked only as for "acting".
 */
export type Purpose = "acting" | "named";

/**
 * Who is writing to the bot. A platform id the directory holds always decides. Someone not yet
 * known by it is looked up through the platform: deactivated accounts, other organisations'
 * and (unless allowed) guests are refused; a person with that email gets the platform id linked
 * only if the directory has none for them on this platform (an email is only a claim: another
 * account with the same profile email must not become them); anyone else is enrolled without
 * supervisor or roles and, once, told where approvals needing their supervisor will go.
 * Null when the platform cannot say who they are (no such user, or no email).
 */
export async function resolveOrEnrol(
  repo: DirectoryRepository,
  platform: Platform,
  platformUserId: string,
  lookup: PlatformLookup,
  now: () => Date = () => new Date(),
  policy: AccountPolicy = {},
  purpose: Purpose = "acting",
): Promise<Enrolment | Refusal | null> {
  const id = normalizePlatformId(platform, platformUserId);
  let record = await repo.findByPlatformId(platform, id);
  if (!record?.active) {
    const found = await lookup();
    const email = found ? normalizeEmail(found.email) : "";
    if (!found || !email.includes("@")) return null;
    const refused = purpose === "acting" ? refusalOf(found, policy) : undefined;
    if (refused) return { refused };
    const name = found.name.trim() || email;
    const enrolled = await repo.exclusive((tx) => enrol(tx, platform, id, { name, email }, purpose));
    if ("refused" in enrolled) return { refused: enrolled.refused };
    record = enrolled;
  }
  if (record.source === "platform" && !record.noticeShownAt && (await repo.claimNotice(record.id, now()))) {
    return { person: toPerson(record), notice: await noticeFor(repo, record) };
  }
  return { person: toPerson(record) };
}

function refusalOf(account: PlatformAccount, policy: AccountPolicy): RefusalReason | undefined {
  if (account.deactivated) return "deactivated";
  if (account.organisations && account.home) {
    const served = new Set([...account.home, ...(policy.allowedOrganisations ?? [])]);
    if (!account.organisations.some((org) => served.has(org))) return "other_organisation";
  }
  if (account.guest && !policy.allowGuests) return "guest";
  return undefined;
}

async function enrol(tx: DirectoryWriter, platform: Platform, id: string, found: { name: string; email: string }, purpose: Purpose): Promise<PersonRecord | Refusal> {
  const field = platformField[platform];
  const holder = await tx.findByPlatformId(platform, id);
  if (holder?.active) return holder; // another message from them got here first
  const byEmail = await tx.findByEmail(found.email);
  // The directory pins another account of this platform for that email: this one is not them.
  if (byEmail && byEmail[field] !== null && byEmail[field] !== id) return purpose === "named" ? byEmail : { refused: "other_account_pinned" };
  const target = byEmail ?? holder;
  if (holder && holder.id !== target?.id) await tx.update(holder.id, { [field]: null });

  if (target?.active) {
    // Already known by email, with no account on this platform: link this one.
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
