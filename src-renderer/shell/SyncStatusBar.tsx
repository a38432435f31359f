import { useState } from 'react';
import type { SyncStatus } from '@shared/ipc/sync-status';
import { formatSpan } from '../queue/format-time';
import { useNow } from '../state/clock';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';

const PHASE_WORDS = { 'initial-open': 'open tickets first', 'initial-history': 'ticket history', changes: 'recent changes' } as const;

function clockTime(iso: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(Date.parse(iso));
  } catch {
    return iso;
  }
}

function retryWords(retryAt: string | null, now: number, zone: string): string {
  if (retryAt === null) return 'No retry is scheduled.';
  const inMs = Date.parse(retryAt) - now;
  return inMs <= 0 ? 'Retrying now.' : `Next retry at ${clockTime(retryAt, zone)} (in ${formatSpan(inMs)}).`;
}

function StatusText({ status, now, zone }: { status: SyncStatus; now: number; zone: string }) {
  const show = useNavigation((s) => s.show);
  switch (status.kind) {
    case 'idle':
      return <span>{status.lastSyncedAt === null ? 'Not synced yet.' : `Up to date · last sync ${clockTime(status.lastSyncedAt, zone)}`}</span>;
    case 'syncing': {
      // Every routine pull passes through here: no progress bar until there is something to count.
      if (status.phase === 'changes' && status.done === 0) return <span>Checking for changes…</span>;
      const counted = status.total === null ? `${status.done.toLocaleString('en-US')} rows` : `${status.done.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} rows`;
      return (
        <>
          <span>
            Syncing {PHASE_WORDS[status.phase]} · {counted}
          </span>
          <progress className="sync-progress" data-testid="sync-progress" max={status.total ?? undefined} value={status.total === null ? undefined : status.done} aria-label="Sync progress" />
        </>
      );
    }
    case 'offline':
      return (
        <span>
          Offline since {clockTime(status.since, zone)}: showing the cached queue; your actions wait in the outbox. {retryWords(status.retryAt, now, zone)}
        </span>
      );
    case 'error':
      return (
        <span>
          Sync failed: {status.message} ({status.code}). {retryWords(status.retryAt, now, zone)}
        </span>
      );
    case 'unauthorized':
      return (
        <span>
          Not signed in: {status.message}{' '}
          <button type="button" className="link-button" onClick={() => show('settings')}>
            Sign in
          </button>
        </span>
      );
  }
}

/** Said once the cache was started afresh for another workspace, until the engineer dismisses it. */
function WorkspaceNotice() {
  const notice = useSession((s) => s.session?.workspaceNotice ?? null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (notice === null || notice === dismissed) return null;
  return (
    <span className="sync-notice" data-testid="workspace-notice">
      {notice}{' '}
      <button type="button" className="link-button" onClick={() => setDismissed(notice)}>
        Dismiss
      </button>
    </span>
  );
}

/** The sync status union in words, as the sync engine reports it. */
export function SyncStatusBar() {
  const status = useSession((s) => s.syncStatus);
  const zone = useSession((s) => s.settings.zone);
  const now = useNow();
  const kind = status?.kind ?? 'disconnected';
  return (
    <div className={`sync-bar sync-${kind}`} role="status" data-testid="sync-status" data-sync-kind={kind}>
      <WorkspaceNotice />
      {status === null ? <span>Not connected to the sync service: showing cached data only.</span> : <StatusText status={status} now={now} zone={zone} />}
    </div>
  );
}
