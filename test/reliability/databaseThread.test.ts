// The embedded database's thread dying, as an operator would meet it: the running app logs one
// fatal line and calls main's hook (which exits for the supervisor to restart the bot), /healthz
// says 503 meanwhile, and a normal shutdown never looks like a crash.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startApp, type App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { createLogger } from "../../src/log.ts";
import { PGliteThread } from "../../src/store/pgliteThread.ts";
import { TEST_REPORTS_KEY } from "../support/app.ts";

const dir = mkdtempSync(join(tmpdir(), "conduct-dbthread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real app on an on-disk database (its own thread), with the thread it started. */
async function startOnDisk(name: string) {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const create = vi.spyOn(PGliteThread, "create");
  const onDatabaseStopped = vi.fn();
  const app = await startApp(loadConfig({ PORT: "0", LOG_LEVEL: "debug" }), createLogger("debug", sink), {
    database: { dataDir: join(dir, name) },
    keyring: createKeyring(TEST_REPORTS_KEY),
    workerIntervalMs: 0,
    onDatabaseStopped,
  });
  const thread = await create.mock.results[0]!.value;
  create.mockRestore();
  return { app, logs, onDatabaseStopped, thread: thread as PGliteThread };
}

describe("the embedded database thread stops", () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("unexpectedly: one fatal line, main's hook called once, /healthz 503", async () => {
    const started = await startOnDisk("crash");
    app = started.app;
    const url = `http://127.0.0.1:${app.port}/healthz`;
    expect((await fetch(url)).status).toBe(200);

    await started.thread["worker"].terminate(); // as if the thread had crashed
    await vi.waitFor(() => expect(started.onDatabaseStopped).toHaveBeenCalledTimes(1));
    const fatal = started.logs.filter((l) => JSON.parse(l).level === 60);
    expect(fatal).toHaveLength(1);
    expect(JSON.parse(fatal[0]!)).toMatchObject({ msg: "the embedded database stopped unexpectedly", db: "pglite", err: { type: "Error" } });

    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", db: "pglite" });

    await app.close(); // shutting down after the crash neither hangs nor reports it again
    app = undefined;
    expect(started.onDatabaseStopped).toHaveBeenCalledTimes(1);
  });

  it("on a normal shutdown: main's hook is not called", async () => {
    const started = await startOnDisk("shutdown");
    await started.app.close();
    await new Promise((r) => setTimeout(r, 50)); // let a late "exit" event arrive
    expect(started.onDatabaseStopped).not.toHaveBeenCalled();
    expect(started.logs.some((l) => JSON.parse(l).level === 60)).toBe(false);
  });
});
