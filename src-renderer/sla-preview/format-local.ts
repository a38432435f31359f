// The engineer's own zone and locale (no explicit locale or timeZone): the UTC
// instant stays exact next to it, this is the human reading.
const localFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

export function formatLocal(isoInstant: string): string {
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? isoInstant : localFormat.format(date);
}
