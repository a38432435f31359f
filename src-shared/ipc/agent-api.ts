import type { AgentResponse } from './agent-channels';
import type { CacheHandlers } from './cache-channels';
import type { ClockSkew, SyncStatus } from './sync-status';
import type { DeadlineCounts, EngineerSettings, ShownNotification, SnoozeRequest, Snoozes } from './workspace-settings';

/**
 * The one object the preload script exposes to the renderer (`window.agent`): a named method per
 * channel, never a generic invoke. Declared here so the preload (which implements it), the web-mode
 * bridge (which mirrors it over a WebSocket) and the renderer (which consumes it) cannot drift apart.
 */
export interface AgentApi {
  /** Lets the renderer tell the desktop shell from the web-mode host. */
  readonly platform: 'electron' | 'web';
  readonly versions: RuntimeVersions;
  syncNow(): Promise<AgentResponse<'sync:now'>>;
  syncStatus(): Promise<AgentResponse<'sync:status'>>;
  /** The renderer wrote to the outbox: push it now. */
  kickOutbox(): Promise<AgentResponse<'outbox:kick'>>;
  signIn(session: { backendUrl: string; token: string }): Promise<AgentResponse<'session:sign-in'>>;
  revealLoginDetail(id: string): Promise<AgentResponse<'login-details:reveal'>>;
  describeSession(): Promise<AgentResponse<'session:describe'>>;
  getSettings(): Promise<AgentResponse<'settings:get'>>;
  setSettings(settings: EngineerSettings): Promise<AgentResponse<'settings:set'>>;
  snooze(request: SnoozeRequest): Promise<AgentResponse<'notifier:snooze'>>;
  unsnooze(ticketIds: string[]): Promise<AgentResponse<'notifier:unsnooze'>>;
  snoozes(): Promise<AgentResponse<'notifier:snoozes'>>;
  deadlineCounts(): Promise<AgentResponse<'deadlines:counts'>>;
  onOpenTicket(listener: (request: { ticketId: string }) => void): () => void;
  onNotification(listener: (notification: ShownNotification) => void): () => void;
  onDeadlineCounts(listener: (counts: DeadlineCounts) => void): () => void;
  onSnoozes(listener: (snoozes: Snoozes) => void): () => void;
  onSyncStatus(listener: (status: SyncStatus) => void): () => void;
  onClockSkew(listener: (skew: ClockSkew) => void): () => void;
  /** Registers the renderer's cache, which the main process's sync engine then feeds. */
  serveCache(handlers: CacheHandlers): void;
}

export interface RuntimeVersions {
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

/** The global name under which the preload exposes the API (`window.agent`). */
export const AGENT_API_GLOBAL = 'agent';

/** Electron IPC channel names: one per agent request, plus the cache and event envelopes. */
export const ELECTRON_CHANNELS = {
  request: (channel: string) => `agent:${channel}`,
  cacheEnvelope: 'agent:cache-envelope',
  event: 'agent:event',
} as const;
