import type { CachedAccount, CachedEngineer, CachedTicket } from '../db/cache-rows';
import { InstantText } from './InstantText';

interface Props {
  ticket: CachedTicket;
  account: CachedAccount | null;
  assignee: CachedEngineer | null;
  planName: string | null;
  zone: string;
  calendarZone: string;
}

export function TicketHeader({ ticket, account, assignee, planName, zone, calendarZone }: Props) {
  return (
    <header className={`ticket-header${ticket.urgent ? ' ticket-urgent' : ''}`}>
      <h1>
        <span className="ticket-number">#{ticket.number}</span> {ticket.subject}
      </h1>
      <div className="ticket-facts">
        <span>
          From {ticket.requesterName} &lt;{ticket.requesterEmail}&gt;
        </span>
        <span>
          Account: {account === null ? ticket.accountId : `${account.holderName}${account.organization ? `, ${account.organization}` : ''}`}
          {account?.status === 'terminated' && <strong> (terminated)</strong>}
        </span>
        {planName !== null && <span className={`plan-badge plan-${ticket.plan ?? 'none'}`}>{planName}</span>}
        {ticket.urgent && <span className="urgent-badge">Urgent</span>}
        <span className="status-badge" data-testid="ticket-status">{ticket.status}</span>
        <span>Assignee: {assignee?.name ?? (ticket.assigneeId === null ? 'unassigned' : ticket.assigneeId)}</span>
        <span>
          Created <InstantText iso={ticket.createdAt} zone={zone} calendarZone={calendarZone} /> via {ticket.source}
        </span>
      </div>
    </header>
  );
}
