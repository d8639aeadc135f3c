/**
 * Runs `task` over `items` with at most `limit` running at once; results keep the items' order. On the first failure
 * no further item is started, and the tasks still running are told through the signal they were given.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const stop = new AbortController();
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop.signal.aborted) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, stop.signal);
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
