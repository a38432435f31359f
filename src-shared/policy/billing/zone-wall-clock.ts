import { IANAZone } from 'luxon';
import { instantOfWallTime } from '../calendar/wall-time';
import { PolicyInputError } from '../policy-input-error';

/**
 * Wall-clock arithmetic in an IANA zone, using only the zone's offset at an instant (luxon reads it
 * through Intl with an explicit zone), so nothing here depends on the process time zone.
 * "Local ms" below means the wall-clock reading written as if it were UTC epoch milliseconds.
 */

export const MS_PER_DAY = 86_400_000;

/** The zone named by `timeZone`, or a PolicyInputError naming `field`. */
export function requireZone(timeZone: unknown, field: string): IANAZone {
  // IANAZone.create caches per name; isValidZone alone would build a new Intl formatter every call.
  const zone = typeof timeZone === 'string' && timeZone !== '' ? IANAZone.create(timeZone) : null;
  if (zone === null || !zone.isValid) {
    throw new PolicyInputError(field, timeZone, 'expected an IANA time zone such as America/New_York');
  }
  return zone;
}

/**
 * Offsets come from Intl (tens of microseconds each), and the same few instants recur: every
 * ticket of a subscription asks for the same cycle boundaries. A bounded memo of a pure function.
 */
const offsetMemo = new Map<string, number>();
const OFFSET_MEMO_SIZE = 20_000;

/** The zone's UTC offset at an instant, in ms (rounded: historic LMT offsets have seconds). */
export function offsetMsAt(zone: IANAZone, instantMs: number): number {
  const key = `${zone.name}@${instantMs}`;
  const memo = offsetMemo.get(key);
  if (memo !== undefined) return memo;
  const offset = Math.round(zone.offset(instantMs) * 60_000);
  if (offsetMemo.size >= OFFSET_MEMO_SIZE) offsetMemo.clear();
  offsetMemo.set(key, offset);
  return offset;
}

export function localMsOf(zone: IANAZone, instantMs: number): number {
  return instantMs + offsetMsAt(zone, instantMs);
}

/** The instant a local wall-clock reading denotes (see instantOfWallTime). */
export function instantOfLocal(zone: IANAZone, localMs: number): number {
  return instantOfWallTime((ms) => offsetMsAt(zone, ms), localMs);
}
