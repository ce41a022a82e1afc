import type { PersonRecord, PersonSource } from "../core/directory/record.ts";
import type { DirectoryReader, DirectoryRepository, DirectoryWriter } from "../core/directory/repository.ts";
import type { Platform } from "../core/directory/types.ts";
import { dayOf } from "./day.ts";
import type { Prisma } from "./generated/client.ts";
import type { Db, Tx } from "./tx.ts";

// Any fixed number (migrations use another): imports and enrolments queue on it across replicas.
const DIRECTORY_LOCK = 72_707_371;

const withRoles = { roles: { select: { role: true }, orderBy: { role: "asc" } } } as const satisfies Prisma.PersonInclude;
type Row = Prisma.PersonGetPayload<{ include: typeof withRoles }>;

/**
 * The directory over Prisma. Pass the root client, or a transaction's client to read and write
 * inside that transaction (PGlite has one connection: never mix the two).
 */
export function createDirectoryRepository(db: Db): DirectoryRepository {
  return {
    ...reader(db),
    async findActiveByRole(role) {
      const rows = await db.person.findMany({ where: { active: true, roles: { some: { role } } }, include: withRoles, orderBy: { id: "asc" } });
      return rows.map(toRecord);
    },
    async claimNotice(id, at) {
      const { count } = await db.person.updateMany({ where: { id, noticeShownAt: null }, data: { noticeShownAt: dayOf(at), updatedAt: dayOf() } }); // @updatedAt would stamp the instant otherwise
      return count === 1;
    },
    async exclusive(work) {
      const run = async (tx: Tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK})`);
        return work(writer(tx));
      };
      return "$transaction" in db ? db.$transaction(run, { maxWait: 30_000, timeout: 120_000 }) : run(db);
    },
  };
}

function reader(db: Db): DirectoryReader {
  const one = async (where: Prisma.PersonWhereUniqueInput) => {
    const row = await db.person.findUnique({ where, include: withRoles });
    return row ? toRecord(row) : null;
  };
  return {
    findById: (id) => one({ id }),
    findByEmail: (email) => one({ email }),
    findByPlatformId: (platform: Platform, platformUserId) => one(platform === "slack" ? { slackId: platformUserId } : { teamsId: platformUserId }),
    idsMergedInto: async (id) => (await db.person.findMany({ where: { mergedIntoId: id }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id),
  };
}

function writer(tx: Tx): DirectoryWriter {
  return {
    ...reader(tx),
    async listAll() {
      return (await tx.person.findMany({ include: withRoles, orderBy: { id: "asc" } })).map(toRecord);
    },
    async insert({ roles, ...person }) {
      await tx.person.create({ data: { ...person, createdAt: dayOf(), updatedAt: dayOf(), roles: { create: roles.map((role) => ({ role })) } } });
    },
    async update(id, { roles, ...changes }) {
      await tx.person.update({
        where: { id },
        data: { ...changes, updatedAt: dayOf(), ...(roles ? { roles: { deleteMany: {}, create: roles.map((role) => ({ role })) } } : {}) },
      });
    },
  };
}

function toRecord(row: Row): PersonRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    slackId: row.slackId,
    teamsId: row.teamsId,
    supervisorId: row.supervisorId,
    roles: row.roles.map((r) => r.role), // built-in or declared by the rules file, checked at import
    source: row.source as PersonSource,
    active: row.active,
    mergedIntoId: row.mergedIntoId,
    noticeShownAt: row.noticeShownAt,
  };
}
