import type { DirectoryEntry } from "./fileFormat.ts";
import { sortRoles, type PersonRecord } from "./record.ts";

type Changes = Partial<Omit<PersonRecord, "id">>;

export type ImportWrite = { kind: "insert"; person: PersonRecord } | { kind: "update"; id: string; changes: Changes };

export interface ImportSummary {
  /** People in the file. */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Previously imported people no longer in the file. */
  deactivated: number;
  /** People who had enrolled through a platform and are now in the file under an id of its own. */
  merged: number;
}

export interface ImportPlan {
  /** In order: rows giving up emails or platform ids, the file's people (supervisors first), merge links. */
  writes: ImportWrite[];
  summary: ImportSummary;
}

/** Where an email goes while it is free, inside one transaction, or for good once a row gives it up. */
const pendingEmail = (id: string) => `${id}@pending.invalid`;
export const releasedEmail = (id: string) => `${id}@released.invalid`;

/**
 * Works out how to make the stored directory match the file, given every stored row:
 * - people in the file are created or updated (only if something changed), and active again;
 * - people imported earlier but absent from the file are deactivated, never deleted;
 * - someone who enrolled through a platform and now appears in the file (same email, Slack id or
 *   Teams id) is merged into that person: their row stays, inactive, pointing at the file's id;
 * - a platform id the file leaves out keeps the value learned when the person wrote to the bot;
 * - an email or platform id the file gives to someone else is taken from whoever held it.
 * Unique values move in two steps (release, then assign) so swaps inside the file work too.
 */
export function planImport(stored: PersonRecord[], entries: DirectoryEntry[]): ImportPlan {
  const byId = new Map(stored.map((p) => [p.id, p]));
  const inFile = new Set(entries.map((e) => e.id));
  const claimed = {
    email: new Map(entries.map((e) => [e.email, e.id])),
    slackId: new Map(entries.flatMap((e) => (e.slack ? [[e.slack, e.id] as const] : []))),
    teamsId: new Map(entries.flatMap((e) => (e.teams ? [[e.teams, e.id] as const] : []))),
  };
  const claimerOf = (p: PersonRecord) =>
    claimed.email.get(p.email) ?? (p.slackId ? claimed.slackId.get(p.slackId) : undefined) ?? (p.teamsId ? claimed.teamsId.get(p.teamsId) : undefined);

  const release: ImportWrite[] = [];
  const links: ImportWrite[] = []; // after the file's people exist: merged rows point at them
  const mergedInto = new Map<string, PersonRecord[]>();
  let deactivated = 0;
  let merged = 0;
  for (const row of stored) {
    if (inFile.has(row.id)) continue;
    const claimer = claimerOf(row);
    const changes: Changes = {};
    if (row.source === "platform" && row.active && claimer !== undefined) {
      Object.assign(changes, { active: false, email: releasedEmail(row.id), slackId: null, teamsId: null });
      links.push({ kind: "update", id: row.id, changes: { mergedIntoId: claimer } });
      mergedInto.set(claimer, [...(mergedInto.get(claimer) ?? []), row]);
      merged++;
    } else {
      if (row.source === "file" && row.active) {
        changes.active = false;
        deactivated++;
      }
      if (claimed.email.has(row.email)) changes.email = releasedEmail(row.id);
      if (row.slackId && claimed.slackId.has(row.slackId)) changes.slackId = null;
      if (row.teamsId && claimed.teamsId.has(row.teamsId)) changes.teamsId = null;
    }
    if (Object.keys(changes).length) release.push({ kind: "update", id: row.id, changes });
  }

  /** A platform id the file does not give: keep the stored one, else take a merged row's, unless the file gives it to someone else. */
  const keep = (field: "slackId" | "teamsId", fromFile: string | null, sources: Array<PersonRecord | undefined>) => {
    if (fromFile) return fromFile;
    for (const source of sources) {
      const value = source?.[field];
      if (value && !claimed[field].has(value)) return value;
    }
    return null;
  };

  const assign: ImportWrite[] = [];
  let created = 0;
  let updated = 0;
  for (const entry of supervisorsFirst(entries)) {
    const current = byId.get(entry.id);
    const sources = [current, ...(mergedInto.get(entry.id) ?? [])];
    const next: PersonRecord = {
      id: entry.id,
      name: entry.name,
      email: entry.email,
      slackId: keep("slackId", entry.slack, sources),
      teamsId: keep("teamsId", entry.teams, sources),
      supervisorId: entry.supervisor,
      roles: sortRoles(entry.roles),
      source: "file",
      active: true,
      mergedIntoId: null,
      noticeShownAt: current?.noticeShownAt ?? null,
    };
    if (!current) {
      assign.push({ kind: "insert", person: next });
      created++;
      continue;
    }
    const changes = diff(current, next);
    if (!Object.keys(changes).length) continue;
    const moving: Changes = {};
    if (changes.email !== undefined) moving.email = pendingEmail(entry.id);
    if (changes.slackId !== undefined && current.slackId) moving.slackId = null;
    if (changes.teamsId !== undefined && current.teamsId) moving.teamsId = null;
    if (Object.keys(moving).length) release.push({ kind: "update", id: entry.id, changes: moving });
    assign.push({ kind: "update", id: entry.id, changes });
    updated++;
  }

  const total = entries.length;
  return { writes: [...release, ...assign, ...links], summary: { total, created, updated, unchanged: total - created - updated, deactivated, merged } };
}

function diff(current: PersonRecord, next: PersonRecord): Changes {
  const changes: Changes = {};
  for (const key of ["name", "email", "slackId", "teamsId", "supervisorId", "source", "active", "mergedIntoId"] as const) {
    if (current[key] !== next[key]) Object.assign(changes, { [key]: next[key] });
  }
  if (sortRoles(current.roles).join() !== next.roles.join()) changes.roles = next.roles;
  return changes;
}

/** Orders entries so each person's supervisor is written before them (the file has no cycles). */
export function supervisorsFirst(entries: DirectoryEntry[]): DirectoryEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ordered: DirectoryEntry[] = [];
  const placed = new Set<string>();
  const place = (entry: DirectoryEntry, depth: number) => {
    if (placed.has(entry.id) || depth > entries.length) return;
    const supervisor = entry.supervisor === null ? undefined : byId.get(entry.supervisor);
    if (supervisor) place(supervisor, depth + 1);
    placed.add(entry.id);
    ordered.push(entry);
  };
  for (const entry of entries) place(entry, 0);
  return ordered;
}
