// @ts-check
// The embedded database's own thread. PGlite (PostgreSQL compiled to WebAssembly) runs every
// statement synchronously on the thread that owns it, so it lives here and the bot's event loop
// stays free to acknowledge Slack and Teams requests. Plain JavaScript so that it starts under
// any loader (tsx, vitest). The other side of the protocol is pgliteThread.ts.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { startParams } from "./pgliteParams.mjs";
import { keepNewFilesPrivate, makePrivate } from "./privateFiles.mjs";

if (!parentPort) throw new Error("pgliteThread.worker.mjs runs as a worker thread");
const port = parentPort;

/** Open transactions by the id of the message that began them. */
const transactions = new Map();
/** Parser tables that leave the caller's own types as text (the caller parses those). */
const rawParserTables = new Map();

function leavingRaw(/** @type {number[]} */ oids) {
  const key = oids.join(",");
  let table = rawParserTables.get(key);
  if (!table) rawParserTables.set(key, (table = Object.fromEntries(oids.map((oid) => [oid, (/** @type {string} */ text) => text]))));
  return table;
}

/**
 * Errors cross the thread as plain data: PostgreSQL's fields (code, constraint, …), never the
 * query, its parameters or its options (functions cannot be cloned; parameters may be reports).
 */
function asData(/** @type {any} */ error) {
  const fields = Object.fromEntries(
    Object.entries(error ?? {}).filter(([key, value]) => !["query", "params", "queryOptions"].includes(key) && (typeof value === "string" || typeof value === "number")),
  );
  return { ...fields, name: error?.name, message: error?.message ?? String(error), fromDatabase: typeof error?.severity === "string" };
}

/** @param {PGlite} db @param {any} msg */
async function handle(db, msg) {
  const target = msg.tx === undefined ? db : transactions.get(msg.tx)?.tx;
  if (!target) throw new Error("the transaction is no longer open");
  switch (msg.op) {
    case "query": {
      const { rows, fields, affectedRows } = await target.query(msg.sql, msg.params, { rowMode: msg.rowMode, parsers: leavingRaw(msg.raw) });
      return { rows, fields, affectedRows };
    }
    case "exec":
      await target.exec(msg.sql);
      return null;
    case "begin":
      return new Promise((opened, failed) => {
        const entry = { tx: undefined, finish: (/** @type {boolean} */ _commit) => {}, done: Promise.resolve() };
        const decided = new Promise((resolve) => (entry.finish = resolve));
        entry.done = db.transaction(async (tx) => {
          Object.assign(entry, { tx });
          transactions.set(msg.id, entry);
          opened(null);
          if (!(await decided)) await tx.rollback();
        });
        entry.done.catch(failed); // failing to begin; later failures are the "end" message's
      });
    case "rollback":
      await target.rollback();
      return null;
    case "end": {
      const entry = transactions.get(msg.tx);
      entry.finish(msg.commit);
      try {
        await entry.done;
      } finally {
        transactions.delete(msg.tx);
      }
      return null;
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

try {
  makePrivate(workerData.dataDir);
  keepNewFilesPrivate();
  const db = await PGlite.create(workerData.dataDir, { startParams, ...(workerData.wasmModule ? { pgliteWasmModule: workerData.wasmModule } : {}) });
  port.on("message", (msg) => {
    handle(db, msg)
      .then(
        (result) => port.postMessage({ id: msg.id, result }),
        (error) => port.postMessage({ id: msg.id, error: asData(error) }),
      )
      .catch((error) => port.postMessage({ id: msg.id, error: { message: `the result could not be sent back: ${error?.message}` } }));
  });
  port.postMessage({ id: 0, result: "ready" });
} catch (error) {
  port.postMessage({ id: 0, error: asData(error) });
}
