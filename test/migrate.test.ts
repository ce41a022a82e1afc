import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { pgConnection, pgliteConnection } from "../src/store/db.ts";
import { migrate, readMigrations, type Migration } from "../src/store/migrate.ts";
import { TEST_DATABASE_URL } from "./support/db.ts";

const checksum = "0".repeat(64);
const fake = (name: string, sql: string): Migration => ({ name, sql, checksum: name.padEnd(64, "x").slice(0, 64) });

describe("migrations (PGlite)", () => {
  it("applies every committed migration once, in order, and records it like Prisma", async () => {
    const db = await PGlite.create();
    const committed = readMigrations();
    expect(committed.map((m) => m.name)).toEqual([...committed.map((m) => m.name)].sort());
    expect(await migrate(pgliteConnection(db))).toEqual(committed.map((m) => m.name));
    expect(await migrate(pgliteConnection(db))).toEqual([]);
    const rows = await db.query<{ migration_name: string; finished_at: Date | null; checksum: string }>(
      `SELECT migration_name, finished_at, checksum FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(committed.map((m) => m.name));
    expect(rows.rows.every((r) => r.finished_at !== null && r.checksum.length === 64)).toBe(true);
    await db.close();
  });

  it("rolls back everything when a migration fails, leaving no half-applied state", async () => {
    const db = await PGlite.create();
    const broken = [fake("1_ok", `CREATE TABLE a (id int)`), fake("2_bad", `CREATE TABLE b (id int); SELECT nope FROM missing`)];
    await expect(migrate(pgliteConnection(db), broken)).rejects.toThrow(/missing/);
    const tables = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.rows).toEqual([]);
    await db.close();
  });

  it("refuses a migration edited after it was applied", async () => {
    const db = await PGlite.create();
    await migrate(pgliteConnection(db), [fake("1_a", `CREATE TABLE a (id int)`)]);
    await expect(migrate(pgliteConnection(db), [{ name: "1_a", sql: `CREATE TABLE a (id bigint)`, checksum }])).rejects.toThrow(
      "migration 1_a was edited after it was applied",
    );
    await db.close();
  });

  it("reads Prisma's folder format", () => {
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    for (const name of ["20260102_second", "20260101_first"]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), `-- ${name}`);
    }
    writeFileSync(join(dir, "migration_lock.toml"), `provider = "postgresql"`);
    expect(readMigrations(dir).map((m) => m.name)).toEqual(["20260101_first", "20260102_second"]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("migrations (PostgreSQL)", () => {
  it("is safe when two replicas start at once: each migration is applied exactly once", async () => {
    const schema = `mig_${Date.now().toString(36)}_${process.pid}`;
    const clients = [0, 1].map(() => new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` }));
    await Promise.all(clients.map((c) => c.connect()));
    await clients[0]!.query(`CREATE SCHEMA ${schema}`);
    try {
      const results = await Promise.all(clients.map((c) => migrate(pgConnection(c))));
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.name).sort());
      const { rows } = await clients[0]!.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(rows[0].n).toBe(readMigrations().length);
    } finally {
      await clients[0]!.query(`DROP SCHEMA ${schema} CASCADE`);
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
