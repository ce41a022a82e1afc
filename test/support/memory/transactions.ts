/**
 * Transactions over in-memory tables, as the database gives them: each runs alone, one after
 * another, and one that throws leaves the tables as they were. `snapshot` saves the state and
 * returns how to put it back.
 */
export function serialTransactions(snapshot: () => () => void): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(async () => {
      const restore = snapshot();
      try {
        return await work();
      } catch (error) {
        restore();
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
