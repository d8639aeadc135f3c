/** Runs each task after every earlier one has finished, in the order they were given. */
export type InTurn = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A queue of turns. The policies count and judge resources through one, so that a resource waiting for a lookup (an
 * ECS flavor) or a read is still counted before the resources the engine sent after it, in each policy: the analyzer
 * runs a resource's policies one after another, so a later resource could otherwise reach the second policy first.
 */
export function createInTurn(): InTurn {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task);
    last = result.catch(() => undefined);
    return result;
  };
}
