// A command run as a user runs it: a child process in the checkout, its output and exit code.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

/** The compiled CLI (test/support/buildOnce.ts builds it before the run): `npx conduct` in a production install. */
export const CONDUCT = [process.execPath, join(ROOT, "dist/cli.js")];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` in the checkout with only PATH, HOME and `env`; npm's own warnings are left out of stderr. */
export function run(command: string[], env: Record<string, string> = {}): Promise<Run> {
  const [file, ...args] = command;
  const child = spawn(file!, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((done) => child.on("close", (code) => done({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, "") })));
}

/** `conduct ARGS` as a child process: the compiled CLI with only PATH, HOME and `env`. */
export const conduct = (args: string[], env: Record<string, string> = {}): Promise<Run> => run([...CONDUCT, ...args], env);
