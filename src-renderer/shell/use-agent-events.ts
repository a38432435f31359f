import { useEffect } from 'react';
import type { AgentApi } from '@shared/ipc/agent-api';
import type { DeadlineCounts } from '@shared/ipc/workspace-settings';
import { agentApi } from '../bridge/agent';
import { setClockSkew } from '../state/clock';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { showSnoozes, useSnoozes } from '../state/snoozes';
import { showBrowserNotification } from './browser-notification';

/** Asks the main process what it knows now; events keep it current afterwards. */
async function loadInitial(api: AgentApi): Promise<void> {
  const [session, status, settings, deadlines] = await Promise.all([api.describeSession(), api.syncStatus(), api.getSettings(), loadDeadlines(api)]);
  const problems: string[] = [...deadlines];
  if (session.ok) useSession.setState({ session: session.value });
  else problems.push(`session: ${session.error.message}`);
  if (status.ok) useSession.setState((s) => ({ syncStatus: s.syncStatus ?? status.value }));
  else problems.push(`sync status: ${status.error.message}`);
  if (settings.ok) useSession.setState({ settings: settings.value, settingsLoaded: true });
  else problems.push(`settings: ${settings.error.message}`);
  useSession.setState({ agentProblem: problems.length === 0 ? null : `The agent did not answer (${problems.join('; ')}).` });
}

/**
 * The deadline counts and snoozes as they stand, so the title and badge show them right after load
 * instead of after the next change. An event that arrived meanwhile is newer and wins.
 */
async function loadDeadlines(api: AgentApi): Promise<string[]> {
  const [counts, snoozes] = await Promise.all([api.deadlineCounts(), api.snoozes()]);
  const problems: string[] = [];
  if (!counts.ok) problems.push(`deadline counts: ${counts.error.message}`);
  else if (useSession.getState().deadlineCounts === null) showCounts(counts.value);
  if (!snoozes.ok) problems.push(`snoozes: ${snoozes.error.message}`);
  else if (!useSnoozes.getState().known) showSnoozes(snoozes.value);
  return problems;
}

function showCounts(deadlineCounts: DeadlineCounts): void {
  useSession.setState({ deadlineCounts });
  document.title = titleFor(deadlineCounts);
}

/** The window title carries the counts, so they show in the taskbar while the window is behind others. */
function titleFor(counts: { breached: number; approaching: number }): string {
  const parts = [counts.breached > 0 ? `${counts.breached} breached` : '', counts.approaching > 0 ? `${counts.approaching} approaching` : ''].filter(Boolean);
  return parts.length === 0 ? 'Support Agent' : `(${parts.join(', ')}) Support Agent`;
}

/**
 * Subscribes the UI to everything the main process pushes: sync status, clock skew, tickets to
 * open (a notification was clicked), notifications to show (web mode), deadline counts, snoozes,
 * and the session (the engineer named, the cache started afresh for another workspace).
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
      api.onDeadlineCounts(showCounts),
      api.onSnoozes(showSnoozes),
      api.onSession((session) => useSession.setState({ session })),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
}
