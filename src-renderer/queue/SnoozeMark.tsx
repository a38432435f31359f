import { formatInZone } from './format-time';

/** A crossed-out bell after the ticket number: its deadline notifications are snoozed; when they resume on hover. */
export function SnoozeMark({ untilMs, zone }: { untilMs: number; zone: string }) {
  const label = `Deadline notifications snoozed until ${formatInZone(untilMs, zone)}`;
  return (
    <span className="snooze-mark" role="img" aria-label={label} title={label} data-testid="snooze-mark" data-snoozed-until={new Date(untilMs).toISOString()}>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
        <path d="M4 10.5V6.5a4 4 0 0 1 6.9-2.8M12 6.6v3.9l1.2 1.5H5.5" />
        <path d="M6.6 13.5a1.5 1.5 0 0 0 2.8 0" />
        <path d="M2 14 14 2" />
      </svg>
    </span>
  );
}
