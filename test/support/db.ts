import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, pgliteConnection, type Database } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";

/** Set by `npm run test:postgres` (CI): the same tests then run against a real PostgreSQL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let template: Promise<PGlite> | undefined;

/** A test database; `url` is set on PostgreSQL so a second "replica" can connect to the same schema. */
export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated, empty database for one test: an in-memory PGlite (cloned from a migrated
 * template, or one an earlier test closed and emptied), or, under TEST_DATABASE_URL, a new
 * PostgreSQL schema that is dropped on close.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return freshPostgresSchema(TEST_DATABASE_URL);
  const pglite = idle.pop() ?? (await cloneTemplate());
  const db = await openDatabase({ pglite });
  return {
    ...db,
    async close() {
      await db.close();
      // Emptying the tables takes milliseconds where a new clone takes a second or more; numbering
      // (case and request numbers, outbox order) starts again at 1, as on a new database.
      await pglite.exec(`DO $$ DECLARE t text; BEGIN
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
          EXECUTE format('TRUNCATE TABLE %I RESTART IDENTITY CASCADE', t);
        END LOOP; END $$`);
      idle.push(pglite);
    },
  };
}

/** Migrated, emptied embedded databases this test worker can hand out again. */
const idle: PGlite[] = [];

async function cloneTemplate(): Promise<PGlite> {
  template ??= PGlite.create().then(async (db) => {
    await migrate(pgliteConnection(db));
    return db;
  });
  return (await (await template).clone()) as PGlite;
}

async function freshPostgresSchema(baseUrl: string): Promise<TestDatabase> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}
