import { memo, useMemo } from 'react';
import { useClock } from '../state/clock';
import { useSnoozedUntil } from '../state/snoozes';
import { CountdownCell } from './CountdownCell';
import { formatInZone, formatShort } from './format-time';
import type { QueueRow } from './queue-row';
import { slaStateAt } from './sla-state';
import { SnoozeMark } from './SnoozeMark';

const PLAN_LABELS = { silver: 'Silver', gold: 'Gold', platinum: 'Platinum' } as const;
const ELIGIBILITY_LABELS = { eligible: 'Eligible', 'not-eligible': 'Not eligible', 'needs-engineer-check': 'Needs check' } as const;

export interface QueueRowViewProps {
  row: QueueRow;
  top: number;
  selected: boolean;
  /** The engineer's display zone. */
  zone: string;
  approachMs: number | null;
  onOpen(ticketId: string): void;
}

function dueTitleOf(row: QueueRow, zone: string): string {
  if (row.dueMs === null) return 'No first-response target applies to this ticket';
  const calendar = row.calendarZone === null ? '' : `\nBusiness calendar (${row.calendarZone}): ${formatInZone(row.dueMs, row.calendarZone)}`;
  return `Due ${formatInZone(row.dueMs, zone)} (${zone})${calendar}\n${row.dueAt ?? ''}`;
}

/**
 * One queue line. Memoized on its props, so a tick re-renders it only when its SLA state changes
 * (the selector below); the countdown cell alone follows every tick.
 */
export const QueueRowView = memo(function QueueRowView({ row, top, selected, zone, approachMs, onOpen }: QueueRowViewProps) {
  const state = useClock((clock) => slaStateAt(row, clock.now, approachMs));
  const dueTitle = useMemo(() => dueTitleOf(row, zone), [row, zone]);
  const snoozedUntil = useSnoozedUntil(row.id);
  const classes = ['queue-row', `sla-${state}`, row.urgent ? 'queue-row-urgent' : '', selected ? 'queue-row-selected' : ''].join(' ');
  return (
    <div
      role="row"
      className={classes}
      style={{ transform: `translateY(${top}px)` }}
      aria-selected={selected}
      data-testid="queue-row"
      data-ticket-id={row.id}
      data-due-at={row.dueAt ?? ''}
      data-sla-state={state}
      data-urgent={row.urgent}
      onClick={() => onOpen(row.id)}
    >
      <span role="gridcell" className="cell-sla">
        <CountdownCell row={row} state={state} dueTitle={dueTitle} />
      </span>
      <span role="gridcell" className="cell-number">
        #{row.number}
        {snoozedUntil !== null && <SnoozeMark untilMs={snoozedUntil} zone={zone} />}
      </span>
      <span role="gridcell" className="cell-subject" title={row.subject}>
        {row.subject}
      </span>
      <span role="gridcell" className="cell-account" title={row.accountName}>
        {row.accountName}
      </span>
      <span role="gridcell">{row.plan === null ? <span className="muted">None</span> : <span className={`plan-chip plan-${row.plan}`}>{PLAN_LABELS[row.plan]}</span>}</span>
      <span role="gridcell">{row.urgent ? <span className="urgent-chip">Urgent</span> : null}</span>
      <span role="gridcell" className={`eligibility eligibility-${row.eligibility ?? 'none'}`}>
        {row.eligibility === null ? '' : ELIGIBILITY_LABELS[row.eligibility]}
      </span>
      <span role="gridcell" className="cell-assignee">
        {row.assigneeName ?? <span className="muted">Unassigned</span>}
      </span>
      <span role="gridcell" className="cell-status">{row.status}</span>
      <span role="gridcell" className="cell-created" title={formatInZone(row.createdMs, zone)}>
        {formatShort(row.createdMs, zone)}
      </span>
    </div>
  );
});
