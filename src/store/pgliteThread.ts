import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, type PGlite, type Results, type Transaction } from "@electric-sql/pglite";

type Parser = (text: string, typeId: number) => unknown;
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}
type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string; name?: string; fromDatabase?: boolean } };
type Queryable = Pick<Transaction, "query" | "exec">;

/**
 * The embedded database (PGlite) on a worker thread of its own (pgliteThread.worker.mjs), seen
 * from the bot's thread through the part of PGlite's interface that Prisma's PGlite adapter and
 * the migrator use: query, exec, transaction, close. PGlite executes SQL synchronously; on the
 * event loop every statement would hold up every HTTP request behind it.
 *
 * Rows come back parsed by PGlite's defaults, except the types a caller brings its own parsers
 * for (the Prisma adapter's dates, numerics, JSON, bytes): those cross as text and are parsed here.
 */
export class PGliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Why the thread is gone; later calls fail at once instead of waiting for a reply that never comes. */
  private stoppedBy: Error | undefined;
  private closing = false;
  private readonly stopListeners: Array<(error: Error) => void> = [];

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(toError(reply.error));
      else waiting.resolve(reply.result);
    });
    // A crash emits "error" then "exit": the first one records why, and listeners hear of it once.
    worker.on("error", (error) => this.stopped(error));
    worker.on("exit", () => this.stopped(new Error("the embedded database thread stopped")));
  }

  /**
   * `listener` runs once if the thread stops other than through close(): every later query would
   * fail, so the process owner should restart.
   */
  onStopped(listener: (error: Error) => void): void {
    this.stopListeners.push(listener);
  }

  /** Starts the thread and opens (or creates) the database in `dataDir`. */
  static async create(dataDir: string): Promise<PGliteThread> {
    if (!existsSync(join(dataDir, "PG_VERSION"))) await initialise(dataDir);
    const worker = new Worker(new URL("./pgliteThread.worker.mjs", import.meta.url), { workerData: { dataDir, wasmModule: await engineModule() } });
    const thread = new PGliteThread(worker);
    await new Promise<void>((resolve, reject) => {
      thread.pending.set(0, { resolve: () => resolve(), reject });
    });
    return thread;
  }

  query<T>(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    return this.queryIn(undefined, sql, params, options);
  }

  async exec(sql: string): Promise<Array<Results>> {
    await this.call({ op: "exec", sql });
    return [];
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const txId = this.nextId; // the id the "begin" message gets
    await this.call({ op: "begin" });
    let closed = false;
    const tx: Queryable & Pick<Transaction, "rollback" | "closed"> = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => this.queryIn<R>(txId, sql, params ?? [], options ?? {}),
      exec: async (sql: string) => {
        await this.call({ op: "exec", sql, tx: txId });
        return [];
      },
      rollback: async () => {
        closed = true;
        await this.call({ op: "rollback", tx: txId });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx as Transaction);
    } catch (error) {
      await this.call({ op: "end", tx: txId, commit: false }).catch(() => {});
      throw error;
    }
    await this.call({ op: "end", tx: txId, commit: !closed });
    return result;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.call({ op: "close" }).catch(() => {});
    await this.worker.terminate();
  }

  /** Typed as PGlite for the Prisma adapter, which uses only what this class implements. */
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }

  private async queryIn<T>(tx: number | undefined, sql: string, params: unknown[], options: QueryOptions): Promise<Results<T>> {
    const own = options.parsers ?? {};
    const raw = Object.keys(own).map(Number);
    const rowMode = options.rowMode ?? "object";
    const result = (await this.call({ op: "query", sql, params, rowMode: "array", raw, ...(tx === undefined ? {} : { tx }) })) as Results<unknown[]>;
    const parsers = result.fields.map((field) => own[field.dataTypeID]);
    const rows = result.rows.map((row) => {
      const values = row.map((value, i) => (value !== null && parsers[i] ? parsers[i]!(value as string, result.fields[i]!.dataTypeID) : value));
      return rowMode === "array" ? values : Object.fromEntries(result.fields.map((field, i) => [field.name, values[i]]));
    });
    return { ...result, rows: rows as T[] };
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    if (this.stoppedBy) return Promise.reject(this.stoppedBy);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private stopped(error: Error): void {
    if (this.stoppedBy) return;
    this.stoppedBy = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (!this.closing) for (const listener of this.stopListeners) listener(error);
  }
}

/** PostgreSQL errors become PGlite's DatabaseError again, so the adapter maps them (P2002, …). */
function toError(data: NonNullable<Reply["error"]>): Error {
  const { message, name, fromDatabase, ...fields } = data;
  if (fromDatabase) return Object.assign(new messages.DatabaseError(message, 0, "error"), fields);
  return Object.assign(new Error(message), name ? { name } : {});
}

/**
 * Creates the database (initdb) in a process of its own: it takes some 500 MB, which a thread that
 * exits leaves behind in this process's malloc heap (about 40 MB of it stayed resident), and a
 * process gives back entirely. Plain `node`, no loader: the script is JavaScript.
 */
async function initialise(dataDir: string): Promise<void> {
  const script = fileURLToPath(new URL("./pgliteInit.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, dataDir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr = (stderr + chunk).slice(-2000)));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`creating the embedded database in ${dataDir} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`);
}

let compiled: Promise<WebAssembly.Module> | undefined;
/**
 * PostgreSQL's WebAssembly, compiled once per process and shared by every database thread it opens
 * (compiled on each thread, the compiler's working memory stayed with the process after it ended).
 */
function engineModule(): Promise<WebAssembly.Module> {
  // Beside the package's entry point (the file is not among its exports).
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  compiled ??= WebAssembly.compile(readFileSync(join(dirname(entry), "pglite.wasm")));
  return compiled;
}
