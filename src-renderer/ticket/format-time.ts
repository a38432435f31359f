/**
 * How the ticket view writes instants, durations and money. Instants are exact ISO UTC values;
 * these are the human readings, in an explicit zone so the engineer's zone and the calendar's zone
 * can stand side by side.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** `Wed, Nov 25, 2026, 17:00 EST`; the ISO value itself when it cannot be read. */
export function formatInZone(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return formatterFor(zone).format(date);
  } catch {
    // An unknown zone from settings must not blank the panel: fall back to UTC and say so.
    return `${formatterFor('UTC').format(date)} (zone ${zone} unknown)`;
  }
}

/** `2 d 3 h 05 min`, `45 min`, `30 s`; always non-negative (the caller says early or late). */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const days = Math.floor(totalSeconds / 86_400);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (days > 0 || hours > 0) parts.push(`${hours} h`);
  parts.push(`${String(minutes).padStart(parts.length > 0 ? 2 : 1, '0')} min`);
  return parts.join(' ');
}

/** The countdown itself, to the second: `3:07:09`, or `2 d 3:07:09`. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60) % 60;
  const h = Math.floor(totalSeconds / 3600) % 24;
  const d = Math.floor(totalSeconds / 86_400);
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return d > 0 ? `${d} d ${clock}` : clock;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Integer cents as dollars: `$149.00`. */
export function formatCents(cents: number): string {
  return money.format(cents / 100);
}
