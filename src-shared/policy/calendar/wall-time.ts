const MS_PER_DAY = 86_400_000;

/**
 * The instant a local wall-clock reading denotes, given the zone's offset function and the reading
 * written as if it were UTC epoch milliseconds. A reading skipped by a spring-forward gap moves
 * forward by the gap (02:30 -> 03:30); one repeated by a fall-back takes its first occurrence.
 * That is Python zoneinfo's fold 0, java.time's and Temporal's "compatible" reading. Offsets a day
 * either side bracket any single transition; zones never have two within two days.
 */
export function instantOfWallTime(offsetAt: (ms: number) => number, wallMs: number): number {
  const before = offsetAt(wallMs - MS_PER_DAY);
  const after = offsetAt(wallMs + MS_PER_DAY);
  const early = wallMs - before;
  if (before === after) return early;
  const late = wallMs - after;
  const earlyValid = offsetAt(early) === before;
  const lateValid = offsetAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid && !earlyValid) return late;
  // Valid only before the change, or in the gap: the earlier offset carries the time past it.
  return early;
}
