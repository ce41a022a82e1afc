import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";
import { lockDataDir, type DataDirLock } from "./dataDirLock.ts";
import { PGliteThread } from "./pgliteThread.ts";
import { migrate, type SqlConnection } from "./migrate.ts";

export type { PrismaClient };
export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /**
   * `listener` runs once if the embedded database's thread stops other than through close();
   * never for PostgreSQL (its pool reconnects) or an in-memory PGlite the caller owns.
   */
  onStopped(listener: (error: Error) => void): void;
  /** Embedded on disk: the lock a killed or crashed process left in DATA_DIR, which this one took over. */
  replacedStaleLock?: { pid: number; command: string };
  /** Opens the connections the first burst of requests would otherwise wait for (PostgreSQL's pool; nothing to open embedded). */
  openConnections(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string } // PostgreSQL; `?schema=name` selects a schema (created if missing)
  | { dataDir: string } // embedded PGlite on disk
  | { pglite: PGlite }; // an embedded instance the caller owns (tests: in memory, cloned)

/** Opens the database the config names and brings its schema up to date before anything uses it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) return openPostgres(options.url);
  // On disk (the product's default) PGlite gets a thread of its own (see PGliteThread), and this
  // process the directory to itself (see lockDataDir): it throws DataDirInUseError if another has it.
  const lock = "dataDir" in options ? lockDataDir(options.dataDir) : undefined;
  const thread = "dataDir" in options ? await PGliteThread.create(options.dataDir).catch(releasing(lock)) : undefined;
  const pglite = thread ? thread.asPGlite() : (options as { pglite: PGlite }).pglite;
  try {
    await migrate(pgliteConnection(pglite));
  } catch (error) {
    await thread?.close();
    return releasing(lock)(error);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    prisma,
    replacedStaleLock: lock?.replaced,
    onStopped: (listener) => thread?.onStopped(listener),
    openConnections: async () => {},
    async close() {
      await prisma.$disconnect();
      await thread?.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  if (schema && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error("DATABASE_URL: ?schema= must be a plain identifier");
  const connectionString = withoutParam(url, "schema");
  const pool = new pg.Pool({ connectionString, ...(schema ? { options: `-c search_path="${schema}"` } : {}) });
  const client = await pool.connect();
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrate(pgConnection(client));
  } finally {
    client.release();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
  return {
    kind: "postgres",
    prisma,
    onStopped: () => {},
    async openConnections() {
      // All at once, so the pool opens as many as it may (max, 10 by default); released, they stay
      // idle in the pool (idleTimeoutMillis) for the first requests.
      const clients = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
      await Promise.all(clients.map((client) => client.query("SELECT 1")));
      for (const client of clients) client.release();
    },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

export function pgConnection(client: pg.PoolClient | pg.Client): SqlConnection {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

/** Gives the lock back and rethrows: the open failed. */
const releasing = (lock: DataDirLock | undefined) => (error: unknown): never => {
  lock?.release();
  throw error;
};

function withoutParam(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete(name);
  return parsed.toString();
}
