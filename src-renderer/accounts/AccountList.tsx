import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AccountSummary } from './account-summary';

/** Fixed row height: no measuring, so a long account list costs only the rows on screen. */
const ROW_HEIGHT = 52;

export interface AccountListProps {
  accounts: AccountSummary[];
  selectedId: string | null;
  onSelect(accountId: string): void;
}

export function AccountList({ accounts, selectedId, onSelect }: AccountListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => accounts[index]?.id ?? index,
  });
  if (accounts.length === 0) return <p className="panel-note accounts-empty">No account matches.</p>;
  return (
    <div className="account-list-scroll" ref={scrollRef} role="list" aria-label="Accounts">
      <div className="account-list-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const account = accounts[item.index]!;
          return (
            <div key={account.id} role="listitem" className="account-list-item" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <button
                type="button"
                className="account-row"
                data-testid="account-row"
                data-account-id={account.id}
                aria-current={account.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(account.id)}
              >
                <span className="account-row-main">
                  <span className="account-holder">{account.holderName}</span>
                  <span className="account-org muted">{account.organization ?? account.holderEmail}</span>
                </span>
                <span className="account-row-side">
                  {account.plan !== null && <span className={`plan-chip plan-${account.plan}`}>{account.plan}</span>}
                  <span className={`account-status status-${account.status}`}>{account.status}</span>
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
