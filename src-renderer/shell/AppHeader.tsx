import { describeRuntime } from '../bridge/describe-runtime';
import { useNavigation, type WorkspaceView } from '../state/navigation';
import { useSession } from '../state/session';

const TABS: ReadonlyArray<readonly [WorkspaceView, string]> = [
  ['queue', 'Queue'],
  ['accounts', 'Accounts'],
  ['search', 'Search'],
  ['reports', 'Reports'],
  ['settings', 'Settings'],
];

export function AppHeader({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const view = useNavigation((s) => s.view);
  const show = useNavigation((s) => s.show);
  const session = useSession((s) => s.session);
  const counts = useSession((s) => s.deadlineCounts);
  return (
    <header className="app-header">
      <div className="app-brand">
        <h1 className="app-title">Support Agent</h1>
        {session?.demo === true && (
          <span className="demo-badge" data-testid="demo-badge" title="The embedded demo workspace: generated customers and tickets, not a real helpdesk">
            Demo
          </span>
        )}
      </div>
      <nav className="app-nav" aria-label="Views">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className="nav-tab"
            aria-current={view === id || (id === 'queue' && view === 'ticket') ? 'page' : undefined}
            onClick={() => show(id)}
          >
            {label}
            {id === 'queue' && counts !== null && counts.breached > 0 && (
              <span className="nav-count" title={`${counts.breached} breached, ${counts.approaching} approaching`}>
                {counts.breached}
              </span>
            )}
          </button>
        ))}
      </nav>
      <div className="app-header-end">
        <button type="button" className="link-button" onClick={onShowShortcuts} aria-label="Keyboard shortcuts">
          ?
        </button>
        <span className="runtime-badge">{describeRuntime()}</span>
      </div>
    </header>
  );
}
