import { create } from 'zustand';
import type { SyncStatus } from '@shared/ipc/sync-status';
import type { DeadlineCounts, EngineerSettings, SessionInfo } from '@shared/ipc/workspace-settings';

/** This machine's zone: the display zone until the engineer picks one. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export const DEFAULT_ENGINEER_SETTINGS: EngineerSettings = { zone: localZone(), thresholdsMinutes: null, workingHours: null };

interface SessionState {
  /** null until the main process has answered (or when there is no main process: cache only). */
  session: SessionInfo | null;
  syncStatus: SyncStatus | null;
  deadlineCounts: DeadlineCounts | null;
  settings: EngineerSettings;
  /** Whether `settings` came from the main process (false: this machine's defaults). */
  settingsLoaded: boolean;
  /** Why the agent cannot be reached, when it cannot. */
  agentProblem: string | null;
}

/** What the main process last told the UI. UI state only: nothing here is a cached row. */
export const useSession = create<SessionState>(() => ({
  session: null,
  syncStatus: null,
  deadlineCounts: null,
  settings: DEFAULT_ENGINEER_SETTINGS,
  settingsLoaded: false,
  agentProblem: null,
}));

/** The engineer's approach threshold in ms, or null to follow each ticket's policy. */
export function engineerApproachMs(settings: EngineerSettings): number | null {
  return settings.thresholdsMinutes === null ? null : Math.max(...settings.thresholdsMinutes) * 60_000;
}
