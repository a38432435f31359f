import { useMemo } from 'react';
import { computePreviewRows, type PreviewRow } from './compute-preview-rows';
import { formatLocal } from './format-local';
import { sampleTickets } from './sample-tickets';

const planLabels = { silver: 'Silver', gold: 'Gold', platinum: 'Platinum' } as const;

export function SlaPreview() {
  // The policy is pure and the tickets fixed: compute once per mount.
  const rows = useMemo(() => computePreviewRows(sampleTickets), []);
  return (
    <section className="panel" aria-labelledby="sla-preview-title">
      <div className="panel-heading">
        <h2 id="sla-preview-title">SLA preview</h2>
        <p className="panel-note">
          First-response due instants under the plan-based SLA preset, for a few sample tickets.
          The live queue replaces this preview.
        </p>
      </div>
      <div className="table-scroll">
        <table className="ticket-table">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Plan</th>
              <th scope="col">Created</th>
              <th scope="col">First response due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <PreviewTableRow key={row.ticket.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PreviewTableRow({ row }: { row: PreviewRow }) {
  const { ticket, due } = row;
  return (
    <tr data-ticket-id={ticket.id}>
      <td>
        <div className="ticket-id">{ticket.id}</div>
        <div className="ticket-subject">{ticket.subject}</div>
      </td>
      <td>
        <span className={`plan-chip plan-${ticket.input.plan}`}>{planLabels[ticket.input.plan]}</span>
        {ticket.input.urgent === true && <span className="urgent-chip">Urgent</span>}
      </td>
      <td>
        <time className="created-local" dateTime={ticket.input.createdAt} title={ticket.input.createdAt}>
          {formatLocal(ticket.input.createdAt)}
        </time>
      </td>
      <td>
        {due.ok ? (
          <>
            <code className="due-utc" data-testid="due-at">
              {due.dueAt}
            </code>
            <time className="due-local" dateTime={due.dueAt}>
              {formatLocal(due.dueAt)}
            </time>
          </>
        ) : (
          <span className="due-error" role="alert">
            Could not compute: {due.error.message}
          </span>
        )}
      </td>
    </tr>
  );
}
