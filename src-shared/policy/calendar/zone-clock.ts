import { IANAZone } from 'luxon';
import { instantOfWallTime } from './wall-time';

const MS_PER_DAY = 86_400_000;
const MS_PER_WEEK = 7 * MS_PER_DAY;
const MS_PER_MINUTE = 60_000;

/**
 * A zone's UTC offsets over a span of time, as a short list of transitions. Asking the zone for
 * an offset goes through Intl and costs tens of microseconds, so a year table asks about a
 * hundred times (weekly samples, then a binary search down to the minute around each change)
 * instead of once per working interval. Assumes no two transitions within a week cancel out.
 */
export class ZoneClock {
  /** offsets[i] applies from at[i] (inclusive) until at[i + 1]; at[0] is -Infinity. */
  private readonly at: number[] = [Number.NEGATIVE_INFINITY];
  private readonly offsets: number[];

  constructor(timeZone: string, fromMs: number, toMs: number) {
    const zone = IANAZone.create(timeZone);
    const offsetOf = (ms: number): number => zone.offset(ms) * MS_PER_MINUTE;
    let previousMs = fromMs - MS_PER_DAY;
    let previous = offsetOf(previousMs);
    this.offsets = [previous];
    for (let ms = previousMs + MS_PER_WEEK; previousMs < toMs + MS_PER_DAY; ms += MS_PER_WEEK) {
      const offset = offsetOf(ms);
      if (offset !== previous) {
        this.at.push(firstMinuteWith(offsetOf, previousMs, ms, offset));
        this.offsets.push(offset);
        previous = offset;
      }
      previousMs = ms;
    }
  }

  offsetAt(ms: number): number {
    let i = this.at.length - 1;
    while (ms < (this.at[i] as number)) i--;
    return this.offsets[i] as number;
  }

  /** The instant of a local wall-clock reading (see instantOfWallTime). */
  instantOf(wallMs: number): number {
    return instantOfWallTime((ms) => this.offsetAt(ms), wallMs);
  }
}

/** The first whole minute in (lo, hi] at which the zone's offset is `offset`. */
function firstMinuteWith(offsetOf: (ms: number) => number, lo: number, hi: number, offset: number): number {
  let low = Math.floor(lo / MS_PER_MINUTE);
  let high = Math.ceil(hi / MS_PER_MINUTE);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetOf(mid * MS_PER_MINUTE) === offset) high = mid;
    else low = mid;
  }
  return high * MS_PER_MINUTE;
}
