import type { ShownNotification } from '@shared/ipc/workspace-settings';
import type { Alert } from './evaluate-deadlines';

const LISTED = 5;

/**
 * Whole seconds first, then minutes rounded up: tickets filed together are due milliseconds apart,
 * and a few milliseconds must not read as one more minute.
 */
function minutesLeft(dueAtMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil(Math.floor((dueAtMs - nowMs) / 1_000) / 60));
}

function line(alert: Alert): string {
  return `#${alert.ticket.number} ${alert.ticket.subject}`;
}

/**
 * One notification for everything due at the same moment: a single ticket by name, a burst as a
 * count ("5 tickets breach within 10 minutes"), most urgent first; a click opens the first one.
 * The minutes are the real time left, so an alert pulled forward to join a burst never understates it.
 */
export function composeNotification(alerts: readonly Alert[], nowMs: number): ShownNotification {
  const sorted = [...alerts].sort((a, b) => a.ticket.dueAtMs - b.ticket.dueAtMs || a.ticket.number - b.ticket.number);
  const ticketIds = sorted.map((a) => a.ticket.id).slice(0, 1_000);
  const id = `deadline:${nowMs}:${ticketIds[0] ?? ''}`.slice(0, 200);
  const breached = sorted.filter((a) => a.minutes === 0);
  const approaching = sorted.filter((a) => a.minutes > 0);
  const latest = approaching.at(-1);
  if (sorted.length === 1) {
    const only = sorted[0]!;
    const title = latest === undefined
      ? `Ticket #${only.ticket.number} breached its response deadline`
      : `Ticket #${only.ticket.number} breaches in ${minutesLeft(only.ticket.dueAtMs, nowMs)} minutes`;
    return { id, title, body: only.ticket.subject.slice(0, 2_000), ticketIds };
  }
  const title = latest === undefined
    ? `${sorted.length} tickets breached their response deadline`
    : `${sorted.length} tickets breach within ${minutesLeft(latest.ticket.dueAtMs, nowMs)} minutes`;
  const lead = breached.length > 0 && approaching.length > 0 ? [`${breached.length} already breached.`] : [];
  const more = sorted.length > LISTED ? [`and ${sorted.length - LISTED} more`] : [];
  const body = [...lead, ...sorted.slice(0, LISTED).map(line), ...more].join('\n').slice(0, 2_000);
  return { id, title, body, ticketIds };
}
