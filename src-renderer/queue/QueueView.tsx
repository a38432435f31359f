import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useQueueData, useQueueHead, type QueueData } from '../db/queue-queries';
import { useNavigation } from '../state/navigation';
import { useQueueView } from '../state/queue-view';
import { engineerApproachMs, useSession } from '../state/session';
import { QueueFiltersBar } from './QueueFiltersBar';
import { queueReadPlan } from './queue-read-plan';
import { QueueTable } from './QueueTable';
import { toggleSnooze } from './toggle-snooze';
import { useClaim } from './use-claim';
import { useQueueKeys } from './use-queue-keys';
import { useQueueTable } from './use-queue-table';

/**
 * Rows per open status read for the top of the queue: while a large cache is read in full, and
 * while a first sync brings the open tickets.
 */
const HEAD_PER_STATUS = 60;

export function QueueView() {
  // The top first, then the whole queue: both at once would queue the small read behind the big one.
  const [fullRead, setFullRead] = useState(false);
  const plan = useSession(useShallow((s) => queueReadPlan(s.syncStatus)));
  const data = useQueueData(fullRead && plan.full, plan.gapMs);
  const head = useQueueHead(data === undefined, HEAD_PER_STATUS);
  if (head !== undefined && !fullRead) setFullRead(true);
  if (data === undefined && head) return <LoadedQueue data={head} partial />;
  if (data === undefined) {
    return (
      <section className="queue panel" aria-busy="true">
        <p className="panel-note">Reading the queue from the local cache…</p>
      </section>
    );
  }
  return <LoadedQueue data={data} />;
}

/** `partial`: only the top of the queue is read yet; sorting and filters wait for the rest. */
function LoadedQueue({ data, partial = false }: { data: QueueData; partial?: boolean }) {
  const engineerId = useSession((s) => s.session?.engineerId ?? null);
  const settings = useSession((s) => s.settings);
  const approachMs = engineerApproachMs(settings);
  const model = useQueueTable(data, { engineerId, approachMs });
  const { rows, order } = model;
  const selectedId = useQueueView((s) => s.selectedId);
  const select = useQueueView((s) => s.select);
  const openTicket = useNavigation((s) => s.openTicket);
  const replyToTicket = useNavigation((s) => s.replyToTicket);
  const claim = useClaim();
  const [message, setMessage] = useState<string | null>(null);
  const scrollToIndex = useRef<((index: number) => void) | null>(null);

  const selectedIndex = useMemo(() => {
    if (selectedId === null) return -1;
    for (let i = 0; i < order.length; i++) if (rows[order[i] as number]?.id === selectedId) return i;
    return -1;
  }, [rows, order, selectedId]);
  const selectedRow = selectedIndex < 0 ? undefined : rows[order[selectedIndex] as number]?.original;

  useQueueKeys(
    {
      move: (delta) => {
        if (order.length === 0) return;
        const next = Math.min(order.length - 1, Math.max(0, selectedIndex < 0 ? 0 : selectedIndex + delta));
        select(rows[order[next] as number]?.id ?? null);
        scrollToIndex.current?.(next);
      },
      open: () => selectedRow !== undefined && openTicket(selectedRow.id),
      reply: () => selectedRow !== undefined && replyToTicket(selectedRow.id),
      claim: () => {
        if (selectedRow !== undefined) void claim(selectedRow.id, selectedRow.number).then(setMessage);
      },
      snooze: () => {
        if (selectedRow !== undefined) void toggleSnooze(selectedRow.id, selectedRow.number, settings.zone).then(setMessage);
      },
    },
    true,
  );

  // Stable, so a selection change re-renders only the rows whose props changed.
  const open = useCallback(
    (ticketId: string) => {
      select(ticketId);
      openTicket(ticketId);
    },
    [select, openTicket],
  );

  return (
    <section className="queue panel" aria-label="Queue" data-queue-state={partial ? 'partial' : 'ready'}>
      <QueueFiltersBar shown={order.length} total={rows.length} partial={partial} />
      {message !== null && (
        <p className="queue-message" role="status" data-testid="queue-message">
          {message}
          <button type="button" className="link-button" onClick={() => setMessage(null)} aria-label="Dismiss">
            ×
          </button>
        </p>
      )}
      {rows.length === 0 && !partial ? (
        <p className="panel-note queue-empty">No open tickets in the cache yet. They appear here as soon as the first sync brings them.</p>
      ) : (
        <QueueTable model={model} selectedId={selectedId} zone={settings.zone} approachMs={approachMs} onOpen={open} scrollToIndexRef={scrollToIndex} partial={partial} />
      )}
    </section>
  );
}
