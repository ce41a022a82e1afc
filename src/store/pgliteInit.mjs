// @ts-check
// Creates a new embedded database (initdb) in the data dir named by argv[2], then exits. Run as a
// process of its own (see PGliteThread.create): initdb takes some 500 MB, and memory freed by a
// thread stays with the process (malloc keeps it fragmented), while a process gives all of it back.
import { PGlite } from "@electric-sql/pglite";
import { startParams } from "./pgliteParams.mjs";
import { keepNewFilesPrivate, makePrivate } from "./privateFiles.mjs";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: pgliteInit.mjs DATA_DIR");
makePrivate(dataDir);
keepNewFilesPrivate();
const db = await PGlite.create(dataDir, { startParams });
await db.close();
