/**
 * Group commit: items that arrive while a write is running go out together in the next one. An
 * idle system writes each item at once; under load one statement (and one commit) serves
 * everything that queued up behind the previous one, so the database keeps pace with the
 * event rate instead of falling behind it.
 */
export function batched<I, O>(write: (items: I[]) => Promise<O[]>, maxBatch = 1000): (item: I) => Promise<O> {
  const queue: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await write(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}

/** One batched writer per database client (a transaction client gets its own). */
export function perClient<C extends object, F>(make: (client: C) => F): (client: C) => F {
  const writers = new WeakMap<C, F>();
  return (client) => {
    let writer = writers.get(client);
    if (!writer) writers.set(client, (writer = make(client)));
    return writer;
  };
}
