// @ts-check
// Keeps the embedded database's files to their owner: DATA_DIR 0700, every file in it 0600,
// whatever the process umask. PGlite (Emscripten's NODEFS) creates files 0777 and then chmods
// them 0666, so a umask cannot help; this runs on the database's own thread (see
// pgliteThread.worker.mjs), whose `fs` only PGlite uses.
import fs from "node:fs";
import { join } from "node:path";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Owner bits only; a directory keeps its x bit, so it stays 0700. */
const ownerOnly = (/** @type {number} */ mode) => mode & ~0o077;

/** Makes `dir` and everything under it private (files written by an older version, or under a loose umask). */
export function makePrivate(/** @type {string} */ dir) {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  fs.chmodSync(dir, PRIVATE_DIR);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    fs.chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE);
  }
}

/** From now on, every mode this thread's `fs` creates or sets loses its group and other bits. */
export function keepNewFilesPrivate() {
  const masked = (/** @type {any} */ fn, /** @type {number} */ at) =>
    function (/** @type {any[]} */ ...args) {
      if (typeof args[at] === "number") args[at] = ownerOnly(args[at]);
      else if (args[at] && typeof args[at] === "object" && typeof args[at].mode === "number") args[at] = { ...args[at], mode: ownerOnly(args[at].mode) };
      // @ts-ignore: forwarding the original call
      return fn.apply(this, args);
    };
  Object.assign(fs, {
    chmodSync: masked(fs.chmodSync, 1),
    fchmodSync: masked(fs.fchmodSync, 1),
    lchmodSync: fs.lchmodSync && masked(fs.lchmodSync, 1),
    mkdirSync: masked(fs.mkdirSync, 1),
    openSync: masked(fs.openSync, 2),
    writeFileSync: masked(fs.writeFileSync, 2),
  });
}
