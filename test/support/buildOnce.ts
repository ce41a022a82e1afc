// Vitest global setup: compile dist/ once, before any test file runs, when src/ is newer (as
// `npm start`'s prestart does). Child-process tests then start the compiled CLI and bot, which
// is what a production install runs and about 1.7 s of CPU quicker a start than npx and tsx;
// building here, not in each file, keeps parallel workers from compiling over one another.
import { ensureBuilt } from "./build.ts";

export function setup(): void {
  ensureBuilt();
}
