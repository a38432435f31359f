import { useEffect } from 'react';
import type { AgentApi } from '@shared/ipc/agent-api';
import { NOTABLE_SKEW_MS } from '@shared/ipc/sync-status';
import { agentApi } from '../bridge/agent';
import { setClockSkew } from '../state/clock';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { showBrowserNotification } from './browser-notification';

/** Asks the main process what it knows now; events keep it current afterwards. */
async function loadInitial(api: AgentApi): Promise<void> {
  const [session, status, settings] = await Promise.all([api.describeSession(), api.syncStatus(), api.getSettings()]);
  const problems: string[] = [];
  if (session.ok) useSession.setState({ session: session.value });
  else problems.push(`session: ${session.error.message}`);
  if (status.ok) useSession.setState((s) => ({ syncStatus: s.syncStatus ?? status.value }));
  else problems.push(`sync status: ${status.error.message}`);
  if (settings.ok) useSession.setState({ settings: settings.value, settingsLoaded: true });
  else problems.push(`settings: ${settings.error.message}`);
  useSession.setState({ agentProblem: problems.length === 0 ? null : `The agent did not answer (${problems.join('; ')}).` });
}

/** The window title carries the counts, so they show in the taskbar while the window is behind others. */
function titleFor(counts: { breached: number; approaching: number }): string {
  const parts = [counts.breached > 0 ? `${counts.breached} breached` : '', counts.approaching > 0 ? `${counts.approaching} approaching` : ''].filter(Boolean);
  return parts.length === 0 ? 'Support Agent' : `(${parts.join(', ')}) Support Agent`;
}

/**
 * Subscribes the UI to everything the main process pushes: sync status, clock skew, tickets to
 * open (a notification was clicked), notifications to show (web mode), deadline counts.
 */
export function useAgentEvents(): void {
  useEffect(() => {
    const api = agentApi();
    if (api === null) return undefined;
    void loadInitial(api).catch((error: unknown) => useSession.setState({ agentProblem: `The agent did not answer: ${String(error)}` }));
    const stops = [
      api.onSyncStatus((syncStatus) => useSession.setState({ syncStatus })),
      api.onClockSkew((skew) => setClockSkew(skew)),
      api.onOpenTicket(({ ticketId }) => useNavigation.getState().openTicket(ticketId)),
      api.onNotification((notification) => showBrowserNotification(notification, (ticketId) => useNavigation.getState().openTicket(ticketId))),
      api.onDeadlineCounts((deadlineCounts) => {
        useSession.setState({ deadlineCounts });
        document.title = titleFor(deadlineCounts);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
}

export function isNotableSkew(offsetMs: number): boolean {
  return Math.abs(offsetMs) > NOTABLE_SKEW_MS;
}
