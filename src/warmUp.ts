import type { Advisor, Answer } from "./core/advice/index.ts";
import type { Database } from "./store/db.ts";

export interface WarmUpParts {
  db: Pick<Database, "openConnections">;
  /** The advisor itself (not the one that counts verdicts in the metrics). */
  advisor: Advisor;
  /** Questions to answer (the rules' own topic examples). */
  questions: readonly string[];
  /** Each surface's own hot path, given the answers to render (Slack: its receiver and answer blocks). */
  surfaces: ReadonlyArray<(answers: readonly Answer[]) => Promise<void>>;
}

/**
 * Rounds over the questions: enough for V8 to compile the matcher's hot functions optimised. Two
 * cost about half the CPU of four (0.5 against 0.86 s on the shipped rules' 156 examples) and left
 * unseen questions answered as fast after the first 25 (a replica's start competes for the CPU
 * with its neighbours on a shared machine).
 */
const ROUNDS = 2;

/**
 * Run before /readyz says ready, so that a new or restarted replica's first requests cost what
 * later ones do: without it they paid for opening the database connections one at a time and for
 * V8 compiling the matcher and the request path on first use (a balancer sends a replica its share
 * of the traffic the moment it is ready, and a cold one answered its first seconds of requests
 * many times slower). Nothing here writes, posts or counts.
 */
export async function warmUp({ db, advisor, questions, surfaces }: WarmUpParts): Promise<void> {
  await db.openConnections();
  let answers: Answer[] = [];
  for (let round = 0; round < ROUNDS; round++) answers = questions.map((question) => advisor.advise(question));
  for (const surface of surfaces) await surface(answers);
}
