import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, pgliteConnection, type Database } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";

/** Set by `npm run test:postgres` (CI): the same tests then run against a real PostgreSQL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let template: Promise<PGlite> | undefined;

/**
 * A fresh, migrated database for one test: an in-memory PGlite cloned from a migrated template,
 * or, under TEST_DATABASE_URL, a new PostgreSQL schema that is dropped on close.
 */
export async function freshDatabase(): Promise<Database> {
  if (TEST_DATABASE_URL) return freshPostgresSchema(TEST_DATABASE_URL);
  template ??= PGlite.create().then(async (db) => {
    await migrate(pgliteConnection(db));
    return db;
  });
  const clone = await (await template).clone();
  const db = await openDatabase({ pglite: clone });
  return { ...db, close: async () => (await db.close(), await clone.close()) };
}

async function freshPostgresSchema(baseUrl: string): Promise<Database> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}
