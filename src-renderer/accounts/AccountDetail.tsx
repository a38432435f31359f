import type { AccountDetailData } from '../db/account-queries';
import { formatCents, formatInZone } from '../ticket/format-time';
import { SubscriptionCard } from './SubscriptionCard';

export interface AccountDetailProps {
  detail: AccountDetailData;
  now: number;
  zone: string;
  onOpenTicket(ticketId: string): void;
}

/** The detail pane: the account, its subscriptions, the credits still to apply, its tickets. */
export function AccountDetail({ detail, now, zone, onOpenTicket }: AccountDetailProps) {
  const { account, subscriptions, policies, credits, tickets } = detail;
  const toApply = credits.filter((c) => Date.parse(c.appliesAt) > now).sort((a, b) => a.appliesAt.localeCompare(b.appliesAt));
  const numberOf = new Map(tickets.map((t) => [t.id, t.number]));
  return (
    <div className="account-detail" data-testid="account-detail" data-account-id={account.id}>
      <header className="account-detail-head">
        <h2>{account.holderName}</h2>
        <p className="muted">
          {account.holderEmail}
          {account.organization !== null && <> · {account.organization}</>} ·{' '}
          <span className={`account-status status-${account.status}`}>{account.status}</span>
        </p>
      </header>

      <section aria-labelledby="account-subs">
        <h3 id="account-subs">Subscriptions</h3>
        {subscriptions.length === 0 && <p className="panel-note">No subscription.</p>}
        {subscriptions.map((sub) => {
          const policy = policies.get(sub.policyId)?.policy;
          return (
            <SubscriptionCard key={sub.id} subscription={sub} policy={policy} policyName={policy?.name ?? sub.policyId} credits={credits} now={now} zone={zone} />
          );
        })}
      </section>

      <section aria-labelledby="account-credits">
        <h3 id="account-credits">
          Credits to apply <span className="muted" data-testid="credits-total">{formatCents(toApply.reduce((s, c) => s + c.cents, 0))}</span>
        </h3>
        {toApply.length === 0 ? (
          <p className="panel-note">None: every credit owed has been applied.</p>
        ) : (
          <table className="account-table" data-testid="credits-to-apply">
            <thead>
              <tr>
                <th>Ticket</th>
                <th>Amount</th>
                <th>Late by</th>
                <th>Applies at</th>
              </tr>
            </thead>
            <tbody>
              {toApply.map((c) => (
                <tr key={c.id}>
                  <td>#{numberOf.get(c.ticketId) ?? c.ticketId}</td>
                  <td>{formatCents(c.cents)}</td>
                  <td>{Math.round(c.latenessMs / 60_000)} min</td>
                  <td>{formatInZone(c.appliesAt, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="account-tickets">
        <h3 id="account-tickets">Tickets ({tickets.length})</h3>
        <ul className="account-tickets" data-testid="account-tickets">
          {tickets.map((t) => (
            <li key={t.id}>
              <button type="button" className="account-ticket" data-testid="account-ticket" data-ticket-id={t.id} onClick={() => onOpenTicket(t.id)}>
                <span className="ticket-number">#{t.number}</span>
                <span className="account-ticket-subject">{t.subject}</span>
                <span className="muted">{t.status}</span>
                <span className="muted">{formatInZone(t.createdAt, zone)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
