import { useMemo, useState } from 'react';
import { useAccountDetail, useAccountList } from '../db/account-queries';
import { useNow } from '../state/clock';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { AccountDetail } from './AccountDetail';
import { AccountList } from './AccountList';
import { filterAccounts, summarizeAccounts } from './account-summary';
import './accounts.css';

/** Plans change at cycle boundaries: the list re-reads them once a minute, not every tick. */
const PLAN_REFRESH_MS = 60_000;

export function AccountsView() {
  const list = useAccountList();
  const accountId = useNavigation((s) => s.accountId);
  const openAccount = useNavigation((s) => s.openAccount);
  const openTicket = useNavigation((s) => s.openTicket);
  const zone = useSession((s) => s.settings.zone);
  const now = useNow();
  const minute = Math.floor(now / PLAN_REFRESH_MS) * PLAN_REFRESH_MS;
  const [filter, setFilter] = useState('');
  const summaries = useMemo(
    () => (list === undefined ? [] : summarizeAccounts(list.accounts, list.subscriptionsByAccount, new Date(minute).toISOString())),
    [list, minute],
  );
  const shown = useMemo(() => filterAccounts(summaries, filter), [summaries, filter]);
  const detail = useAccountDetail(accountId);
  return (
    <section className="panel accounts-view" aria-label="Accounts and subscriptions">
      <div className="accounts-list-pane">
        <div className="panel-heading">
          <h2>Accounts</h2>
          <input
            type="search"
            className="accounts-filter"
            placeholder="Filter by holder, e-mail, organization"
            aria-label="Filter accounts"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <p className="panel-note">{list === undefined ? 'Reading the cache…' : `${shown.length} of ${summaries.length} accounts`}</p>
        </div>
        <AccountList accounts={shown} selectedId={accountId} onSelect={openAccount} />
      </div>
      <div className="accounts-detail-pane">
        {accountId === null && <p className="panel-note">Pick an account to see its subscriptions, credits and tickets.</p>}
        {accountId !== null && detail === null && <p className="panel-note">This account is not in the cache (it may have been purged).</p>}
        {detail != null && <AccountDetail detail={detail} now={now} zone={zone} onOpenTicket={openTicket} />}
      </div>
    </section>
  );
}
