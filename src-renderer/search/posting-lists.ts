/**
 * Intersection of posting lists: ascending arrays of document numbers. The rarest list drives,
 * newest document first, and each other list is probed by galloping from where the last probe
 * stopped, so a query costs about (rarest length) x log(gap) whatever the common words are.
 */

/** Largest index i with list[i] <= doc, searching down from `from` (inclusive); -1 if none. */
export function gallopDown(list: readonly number[], doc: number, from: number): number {
  if (from < 0 || list[from]! <= doc) return from;
  let step = 1;
  let hi = from;
  let lo = from - step;
  while (lo >= 0 && list[lo]! > doc) {
    hi = lo;
    step *= 2;
    lo = from - step;
  }
  lo = Math.max(lo, -1);
  // Invariant: list[hi] > doc; list[lo] <= doc or lo === -1.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! > doc) hi = mid;
    else lo = mid;
  }
  return lo;
}

/**
 * Documents present in every list, newest (largest) first, handed to `visit` until it returns
 * false. Lists must be ascending and free of duplicates.
 */
export function intersectDescending(lists: ReadonlyArray<readonly number[]>, visit: (doc: number) => boolean): void {
  if (lists.length === 0) return;
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const driver = sorted[0]!;
  const others = sorted.slice(1);
  const cursors = others.map((l) => l.length - 1);
  outer: for (let i = driver.length - 1; i >= 0; i -= 1) {
    const doc = driver[i]!;
    for (let j = 0; j < others.length; j += 1) {
      const at = gallopDown(others[j]!, doc, cursors[j]!);
      cursors[j] = at;
      if (at < 0) return; // this list has nothing at or below doc: no later match either
      if (others[j]![at] !== doc) continue outer;
    }
    if (!visit(doc)) return;
  }
}
