import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import { QUEUE_COLUMN_IDS } from './queue-table-model';
import { QueueRowView } from './QueueRowView';
import type { QueueTableModel } from './use-queue-table';

/** Fixed row height: no measuring, so scrolling 100k rows costs only the rows on screen. */
export const ROW_HEIGHT = 40;

export interface QueueTableProps {
  model: QueueTableModel;
  selectedId: string | null;
  zone: string;
  approachMs: number | null;
  onOpen(ticketId: string): void;
  /** Lets the keyboard handler scroll the selected row into view. */
  scrollToIndexRef: RefObject<((index: number) => void) | null>;
  /** Only the top of the queue is read yet: no sorting until the rest is. */
  partial: boolean;
}

export function QueueTable({ model, selectedId, zone, approachMs, onOpen, scrollToIndexRef, partial }: QueueTableProps) {
  const { table, rows, order } = model;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // No getItemKey: rows have one fixed height, and a key function that changes with every sort
    // or filter would make the virtualizer rebuild its measurements of all 100k items each time.
    overscan: 8,
  });
  useEffect(() => {
    scrollToIndexRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [scrollToIndexRef, virtualizer]);
  const headers = table.getHeaderGroups()[0]?.headers.filter((h) => (QUEUE_COLUMN_IDS as readonly string[]).includes(h.column.id)) ?? [];
  return (
    <div className="queue-table" role="grid" aria-rowcount={order.length} aria-label="Ticket queue">
      <div className="queue-header" role="row">
        {headers.map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <span key={header.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
              <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()} data-column={header.column.id} disabled={partial}>
                <table.FlexRender header={header} />
                <span className="sort-mark" aria-hidden="true">
                  {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      {/* Focusable, so the keyboard can scroll it too (j/k move the selection, the arrows and Page keys scroll). */}
      <div className="queue-scroll" ref={scrollRef} data-testid="queue-scroll" role="rowgroup" tabIndex={0} aria-label="Queue rows">
        <div className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[order[item.index] as number];
            if (row === undefined) return null;
            return (
              <QueueRowView
                key={row.id}
                row={row.original}
                top={item.start}
                selected={row.id === selectedId}
                zone={zone}
                approachMs={approachMs}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
