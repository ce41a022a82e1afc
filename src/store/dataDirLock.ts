import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

/**
 * One process at a time on an embedded database: PGlite is a single-user PostgreSQL, and two
 * processes on one DATA_DIR (the bot and `conduct chat`, say) each lose the other's writes and
 * corrupt the files. The owner keeps DATA_DIR/conduct.lock ({pid, host, command, since}); a
 * second process refuses at once. A lock whose process is gone (killed, crashed) is stale and is
 * taken over; on Linux a reused pid is told apart by the process's start time.
 */
export const LOCK_FILE_NAME = "conduct.lock";

interface LockRecord {
  pid: number;
  host: string;
  /** What holds it: "the bot (npm start)", "conduct chat", … */
  command: string;
  since: string;
  /** Linux: the holder's start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  started?: string;
}

export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockRecord) {
    super(
      `DATA_DIR ${dataDir} is in use by ${holder.command} (pid ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}, since ${holder.since}): ` +
        `stop it first, or use PostgreSQL (DATABASE_URL) to run several processes at once`,
    );
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  /** The stale lock this one replaced, if any (the process that left it was killed or crashed). */
  readonly replaced?: { pid: number; command: string };
  release(): void;
}

/** What this process is, for the message another one shows; set once by an entry point. */
let thisCommand = `conduct ${process.argv[2] ?? ""}`.trim();
export function describeThisProcess(command: string): void {
  thisCommand = command;
}

/** Takes DATA_DIR's lock or throws DataDirInUseError; the lock is released on close and on exit. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, LOCK_FILE_NAME);
  const mine: LockRecord = { pid: process.pid, host: hostname(), command: thisCommand, since: new Date().toISOString(), started: startTimeOf(process.pid) };
  const text = JSON.stringify(mine);
  let replaced: DataDirLock["replaced"];
  for (;;) {
    try {
      writeFileSync(file, text, { flag: "wx", mode: 0o600 }); // atomic: fails if the file exists
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const { raw, holder } = readLock(file);
    if (holder && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    // Stale (or unreadable): remove it only if it is still the one just read, then try again.
    if (readLock(file).raw === raw) unlinkQuietly(file);
    if (holder) replaced = { pid: holder.pid, command: holder.command };
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    if (readLock(file).raw === text) unlinkQuietly(file);
  };
  process.on("exit", release);
  return { replaced, release };
}

/** Throws DataDirInUseError if another live process holds DATA_DIR's lock (without taking it). */
export function assertDataDirFree(dataDir: string): void {
  const { holder } = readLock(join(dataDir, LOCK_FILE_NAME));
  if (holder && holder.pid !== process.pid && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
}

function readLock(file: string): { raw: string | undefined; holder: LockRecord | undefined } {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return { raw: undefined, holder: undefined };
  }
  try {
    const parsed = JSON.parse(raw) as LockRecord;
    return { raw, holder: Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined };
  } catch {
    return { raw, holder: undefined }; // a torn write from a crash mid-create: stale
  }
}

/** A lock from another machine (a shared volume) cannot be checked: it counts as held. */
function isAlive(holder: LockRecord): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false; // ESRCH: no such process
  }
  const started = startTimeOf(holder.pid);
  return !(holder.started && started && started !== holder.started); // the pid now names another process
}

function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
