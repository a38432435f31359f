import { useNow } from '../state/clock';
import { formatSpan } from './format-time';
import type { QueueRow } from './queue-row';
import type { QueueSlaState } from './sla-state';

const STATE_WORDS: Record<QueueSlaState, string> = {
  running: 'Running',
  approaching: 'Approaching',
  breached: 'Breached',
  met: 'Met',
  none: 'No target',
};

/**
 * The remaining wall-clock time. Reads the one shared tick; `state` comes from the row, which
 * re-renders only when the state itself changes.
 */
export function CountdownCell({ row, state, dueTitle }: { row: QueueRow; state: QueueSlaState; dueTitle: string }) {
  const now = useNow();
  return (
    <span className={`countdown countdown-${state}`} title={dueTitle} data-testid="countdown">
      <span className="countdown-state">{STATE_WORDS[state]}</span>
      <span className="countdown-figure">{figure(row, state, now)}</span>
    </span>
  );
}

function figure(row: QueueRow, state: QueueSlaState, now: number): string {
  if (row.dueMs === null) return '—';
  if (state === 'met') return row.repliedMs === null ? '' : `${formatSpan(row.dueMs - row.repliedMs)} early`;
  if (state === 'breached') return row.repliedMs === null ? `${formatSpan(now - row.dueMs)} late` : `replied ${formatSpan(row.repliedMs - row.dueMs)} late`;
  return formatSpan(row.dueMs - now);
}
