import { resolve } from "node:path";

/** Variables that came from `.env` (not the real environment), so a problem with one can say where to fix it. */
const fromDotEnv = new Set<string>();

/** Loads an optional `.env` from the working directory; real environment variables win over it. */
export function loadDotEnv(): void {
  const before = new Set(Object.keys(process.env));
  try {
    process.loadEnvFile();
  } catch {
    return; // no .env: defaults and the environment are enough
  }
  for (const name of Object.keys(process.env)) if (!before.has(name)) fromDotEnv.add(name);
}

/** Where a variable was set, for an error message: " (set in /path/.env)" or "". */
export const whereSet = (name: string): string => (fromDotEnv.has(name) ? ` (set in ${resolve(".env")})` : "");
