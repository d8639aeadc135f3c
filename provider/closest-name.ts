/**
 * How many single-character edits turn `a` into `b`: insertions, deletions, substitutions, and swaps of two adjacent
 * characters (`regoin` → `region` is 1). Letter case is ignored: `projectname` is 0 from `projectName`.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  // Three rows of the classic table: the one before the previous is needed for swaps.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1);
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current.push(best);
    }
    [beforePrevious, previous] = [previous, current];
  }
  return previous[right.length]!;
}

/** The most edits a name may be from a candidate to count as a likely typo of it: one in three characters of the longer, at least 1. */
export function typoDistance(input: string, candidate: string): number {
  return Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));
}

/**
 * The candidates `input` is most likely a typo of, closest first (ties in the candidates' order), at most `max` of
 * them: those within {@link typoDistance} edits ({@link editDistance}). Empty when none is close, so that a caller can
 * write `did you mean ...?` only when it helps. An exact match is returned too, first (distance 0).
 *
 * @example
 * closestNames('neeed', ['service', 'type', 'need']); // ['need']
 * closestNames('cn-north-9', ['cn-north-1', 'cn-north-4', 'ap-southeast-1']); // ['cn-north-1', 'cn-north-4']
 */
export function closestNames(input: string, candidates: readonly string[], max = 3): string[] {
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const limit = typoDistance(input, candidate);
    // Lengths alone rule most candidates out, which keeps a huge input cheap.
    if (Math.abs(input.length - candidate.length) > limit) continue;
    const distance = editDistance(input, candidate);
    if (distance <= limit) scored.push({ candidate, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance)
    .slice(0, Math.max(0, max))
    .map(({ candidate }) => candidate);
}

/** ` (did you mean "need"?)`, ` (did you mean "cn-north-1" or "cn-north-4"?)`, or nothing when no candidate is close. */
export function didYouMean(input: string, candidates: readonly string[], max = 3): string {
  const names = closestNames(input, candidates, max).map((name) => JSON.stringify(name));
  if (names.length === 0) return '';
  return ` (did you mean ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`}?)`;
}
