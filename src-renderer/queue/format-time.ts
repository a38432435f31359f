/**
 * Time formatting for the queue. Intl formatters are costly to build, so there is one per zone;
 * a countdown itself is plain arithmetic, run for the visible rows on each tick.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    } catch {
      // An unknown zone in settings must not break the queue: fall back to UTC, which the label says.
      formatter = formatterFor('UTC');
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** e.g. "Wed, Nov 25, 2026, 5:00 PM EST". */
export function formatInZone(epochMs: number, zone: string): string {
  return formatterFor(zone).format(epochMs);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock span, coarse when far ("3d 4h"), to the second in the last hour ("12m 05s"). */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= DAY) return `${Math.floor(span / DAY)}d ${Math.floor((span % DAY) / HOUR)}h`;
  if (span >= HOUR) return `${Math.floor(span / HOUR)}h ${pad(Math.floor((span % HOUR) / MINUTE))}m`;
  return `${Math.floor(span / MINUTE)}m ${pad(Math.floor((span % MINUTE) / 1000))}s`;
}

/** Short local date for the created column, in the engineer's zone. */
const shortFormatters = new Map<string, Intl.DateTimeFormat>();
export function formatShort(epochMs: number, zone: string): string {
  let formatter = shortFormatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    }
    shortFormatters.set(zone, formatter);
  }
  return formatter.format(epochMs);
}
