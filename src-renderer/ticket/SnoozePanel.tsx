import { useState } from 'react';
import type { Result } from '@shared/ipc/result';
import { SNOOZE_CHOICES, snoozeTicket, unsnoozeTicket, type SnoozeLength } from '../shell/snooze-actions';
import { useSnoozedUntil } from '../state/snoozes';
import { formatInZone } from './format-time';

/**
 * The deadline notifications of one ticket: on, or snoozed until when, with the lengths to snooze
 * for and the way to lift a snooze. The main process's notifier keeps the snooze (across restarts)
 * and watches only tickets whose first-response deadline runs (`watched`).
 */
export function SnoozePanel({ ticketId, zone, watched }: { ticketId: string; zone: string; watched: boolean }) {
  const until = useSnoozedUntil(ticketId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ticket whose deadline is not running is not notified about: nothing to snooze, unless it still is.
  if (!watched && until === null) return null;
  const run = async (action: () => Promise<Result<unknown>>): Promise<void> => {
    setBusy(true);
    const done = await action();
    setBusy(false);
    setError(done.ok ? null : done.error.message);
  };
  const snooze = (length: SnoozeLength) => void run(() => snoozeTicket(ticketId, length));
  const iso = until === null ? '' : new Date(until).toISOString();
  return (
    <section className="ticket-panel snooze-panel" aria-label="Deadline notifications" data-testid="snooze-panel" data-snoozed-until={iso}>
      <h2>Deadline notifications</h2>
      {until === null ? (
        <div className="snooze-choices" role="group" aria-label="Snooze deadline notifications">
          <span className="muted">On. Snooze:</span>
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice.label} type="button" title={choice.title} disabled={busy} onClick={() => snooze(choice.length)}>
              {choice.label}
            </button>
          ))}
        </div>
      ) : (
        <p className="snooze-state" data-testid="snooze-state">
          Snoozed until <time dateTime={iso}>{formatInZone(iso, zone)}</time>.{' '}
          <button type="button" disabled={busy} onClick={() => void run(() => unsnoozeTicket(ticketId))}>
            Un-snooze
          </button>
        </p>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
