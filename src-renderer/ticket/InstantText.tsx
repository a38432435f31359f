import { formatInZone } from './format-time';

/** An instant in the engineer's zone, with the calendar's zone and the exact UTC value on hover. */
export function InstantText({ iso, zone, calendarZone }: { iso: string; zone: string; calendarZone: string }) {
  return (
    <time dateTime={iso} title={`${formatInZone(iso, calendarZone)} (${calendarZone}) · ${iso}`}>
      {formatInZone(iso, zone)}
    </time>
  );
}
