/**
 * A percent used for people and files, cut (not rounded) to `decimals`: 94.99 % must not read as 95 %, the
 * threshold it has not reached.
 */
export function cutPercent(percent: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.floor(percent * scale + 1e-9) / scale;
}
