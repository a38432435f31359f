import { PolicyInputError } from './policy-input-error';

/**
 * ISO 8601 instants <-> epoch milliseconds without Date objects: the due-instant hot path parses
 * and formats one instant per ticket, so this is plain integer arithmetic (proleptic Gregorian,
 * Howard Hinnant's days-from-civil). An instant must carry an offset (`Z` or `±hh:mm`): a local
 * time without one would silently depend on the process time zone.
 */

const MS_PER_DAY = 86_400_000;
/** Years the engine computes in; outside them an instant is almost certainly a data error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9000;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day count since 1970-01-01. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const EXPECTED = 'expected an ISO 8601 instant with an offset, e.g. 2026-11-24T18:30:00-05:00';

/** The number written by `count` ASCII digits at `at`, or -1 if any of them is not a digit. */
function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Offset in minutes of the designator at `at` (`Z`, `±hh:mm`, `±hhmm`), or NaN if malformed. */
function offsetMinutes(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if ((c === 90 || c === 122) && s.length === at + 1) return 0; // Z or z
  if (c !== 43 && c !== 45) return Number.NaN; // + or -
  const colon = s.charCodeAt(at + 3) === 58 ? 1 : 0;
  if (s.length !== at + 5 + colon) return Number.NaN;
  const hours = digits(s, at + 1, 2);
  const minutes = digits(s, at + 3 + colon, 2);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return Number.NaN;
  return (c === 45 ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Parses an ISO 8601 instant with an offset (`2026-11-24T18:30`, optional seconds and fraction,
 * then `Z` or `±hh:mm`) into epoch milliseconds; fractions beyond the millisecond are truncated.
 * Hand-written rather than a regular expression: it runs once per ticket on the hot path.
 * Throws a PolicyInputError naming `field` for anything else.
 */
export function parseInstant(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new PolicyInputError(field, value, 'expected an ISO 8601 instant string');
  const s = value;
  const t = s.charCodeAt(10);
  if (s.length < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (t !== 84 && t !== 116) || s.charCodeAt(13) !== 58) {
    throw new PolicyInputError(field, value, EXPECTED);
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  let second = 0;
  let millis = 0;
  let at = 16;
  if (s.charCodeAt(at) === 58) {
    second = digits(s, at + 1, 2);
    at += 3;
    const sep = s.charCodeAt(at);
    if (sep === 46 || sep === 44) {
      let n = 0;
      for (at++; n < 9 && digits(s, at, 1) >= 0; at++, n++) if (n < 3) millis = millis * 10 + digits(s, at, 1);
      if (n === 0) throw new PolicyInputError(field, value, EXPECTED);
      for (; n < 3; n++) millis *= 10;
    }
  }
  const offset = offsetMinutes(s, at);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || Number.isNaN(offset)) {
    throw new PolicyInputError(field, value, EXPECTED);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new PolicyInputError(field, value, `the year is outside ${MIN_YEAR}-${MAX_YEAR}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new PolicyInputError(field, value, 'the date does not exist');
  }
  if (hour > 23 || minute > 59 || second > 59) throw new PolicyInputError(field, value, 'the time is out of range');
  const localMs = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return localMs - offset * 60_000;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `YYYY-MM-DDT` by day count: due instants cluster on few days, so the date part is reused. */
const datePrefixes = new Map<number, string>();

function datePrefix(days: number): string {
  let prefix = datePrefixes.get(days);
  if (prefix === undefined) {
    const { year, month, day } = civilFromDays(days);
    prefix = `${year}-${TWO_DIGITS[month] as string}-${TWO_DIGITS[day] as string}T`;
    if (datePrefixes.size > 20_000) datePrefixes.clear();
    datePrefixes.set(days, prefix);
  }
  return prefix;
}

/** Formats epoch milliseconds as `YYYY-MM-DDTHH:mm:ss.sssZ` (years 1000-9999). */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const rest = ms - days * MS_PER_DAY;
  const seconds = Math.floor(rest / 1000);
  return (
    datePrefix(days) +
    `${TWO_DIGITS[Math.floor(seconds / 3600)] as string}:${TWO_DIGITS[Math.floor(seconds / 60) % 60] as string}:` +
    `${TWO_DIGITS[seconds % 60] as string}.${THREE_DIGITS[rest - seconds * 1000] as string}Z`
  );
}
