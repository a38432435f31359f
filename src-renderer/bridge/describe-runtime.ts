import type { AgentApi } from '@shared/ipc/agent-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the UI runs in a plain browser. */
    readonly agent?: AgentApi;
  }
}

export function describeRuntime(): string {
  const api = window.agent;
  return api ? `Desktop · Electron ${api.versions.electron}` : 'Web mode';
}
