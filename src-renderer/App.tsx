import { useEffect, useState } from 'react';
import { AccountsView } from './accounts/AccountsView';
import { QueueView } from './queue/QueueView';
import { ReportsView } from './reports/ReportsView';
import { SearchView } from './search/SearchView';
import { SettingsView } from './settings/SettingsView';
import { AppHeader } from './shell/AppHeader';
import { ClockSkewNotice } from './shell/ClockSkewNotice';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { SyncStatusBar } from './shell/SyncStatusBar';
import { useAgentEvents } from './shell/use-agent-events';
import { useCacheReady } from './shell/use-cache-ready';
import { useShellKeys } from './shell/use-shell-keys';
import { startClock } from './state/clock';
import { useNavigation } from './state/navigation';
import { TicketView } from './ticket/TicketView';

function CurrentView() {
  const view = useNavigation((s) => s.view);
  const ticketId = useNavigation((s) => s.ticketId);
  switch (view) {
    case 'queue':
      return <QueueView />;
    case 'ticket':
      return ticketId === null ? <QueueView /> : <TicketView key={ticketId} ticketId={ticketId} />;
    case 'accounts':
      return <AccountsView />;
    case 'search':
      return <SearchView />;
    case 'reports':
      return <ReportsView />;
    case 'settings':
      return <SettingsView />;
  }
}

export function App() {
  const cache = useCacheReady();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useEffect(() => startClock(), []);
  useAgentEvents();
  useShellKeys({ shortcutsOpen, toggleShortcuts: () => setShortcutsOpen((open) => !open) });
  return (
    <div className="app">
      <AppHeader onShowShortcuts={() => setShortcutsOpen(true)} />
      <SyncStatusBar />
      <ClockSkewNotice />
      <main className="app-main">
        {cache.kind === 'opening' && <p className="panel-note">Opening the local cache…</p>}
        {cache.kind === 'failed' && (
          <div className="notice notice-error" role="alert">
            The local cache could not be opened: {cache.message}. Close other windows of Support Agent and reload; if it persists, clear this site&apos;s data.
          </div>
        )}
        {cache.kind === 'ready' && <CurrentView />}
      </main>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
