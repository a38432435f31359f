import type { AgentApi } from '@shared/ipc/agent-api';
import { SECRET_FRAGMENT_KEY, webSecretSchema } from '@shared/ipc/web-socket-protocol';
import { createWebSocketAgent, type BridgeState } from './web-socket-agent';

/** Where a tab keeps the secret once it is out of the address bar: this tab only, gone when it closes. */
const SECRET_STORAGE_KEY = 'support-agent.web-secret';

let chosen: { api: AgentApi | null } | null = null;
let notice: string | null = null;

/**
 * The main process as the UI reaches it: the Electron preload's `window.agent`, else web mode's
 * WebSocket agent when the page was opened with this launch's secret, else null (the UI shows the
 * cache only, and a notice says why). Chosen once per page.
 */
export function agentApi(): AgentApi | null {
  chosen ??= { api: chooseAgentApi() };
  return chosen.api;
}

function chooseAgentApi(): AgentApi | null {
  if (window.agent !== undefined) return window.agent;
  const secret = takeSecret();
  if (secret === null) {
    setNotice('Not connected to the Support Agent host, so nothing syncs: this page shows the cached data only. Open the address that "npm run web" printed (it ends in #secret=...).');
    return null;
  }
  const agent = createWebSocketAgent({ origin: window.location.origin, secret });
  agent.onBridgeState((state) => setNotice(describeBridgeState(state)));
  return agent;
}

function describeBridgeState(state: BridgeState): string | null {
  switch (state.kind) {
    case 'connecting':
    case 'open':
      return null;
    case 'reconnecting':
      return `Lost the connection to the Support Agent host (${state.reason}); retrying in ${Math.max(1, Math.round(state.retryInMs / 1000))} s. Showing cached data. If the host was restarted, open the new address it printed.`;
    case 'superseded':
      return 'Support Agent is open in another tab, which now keeps the cache up to date; this tab no longer syncs. Close it, or reload it to take over.';
    case 'closed':
      return 'The connection to the Support Agent host was closed.';
  }
}

/**
 * The secret from the address (`#secret=...`), moved into this tab's session storage and taken out
 * of the address bar, so it is not shown, bookmarked or shared with a screenshot; a reload finds
 * it in the session storage.
 */
function takeSecret(): string | null {
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get(SECRET_FRAGMENT_KEY);
  if (fromUrl !== null && webSecretSchema.safeParse(fromUrl).success) {
    try {
      window.sessionStorage.setItem(SECRET_STORAGE_KEY, fromUrl);
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    } catch {
      // Storage disabled: keep the secret in the address, so a reload still works.
    }
    return fromUrl;
  }
  let stored: string | null;
  try {
    stored = window.sessionStorage.getItem(SECRET_STORAGE_KEY);
  } catch {
    return null;
  }
  return stored !== null && webSecretSchema.safeParse(stored).success ? stored : null;
}

function setNotice(next: string | null): void {
  if (next === notice) return;
  notice = next;
  showNoticeBanner(next);
}

/**
 * The notice in a banner of its own, outside the React tree, so it shows whatever view is up and
 * even if the UI failed to render. Styled through the CSSOM, which the CSP allows.
 */
function showNoticeBanner(text: string | null): void {
  let banner = document.querySelector<HTMLElement>('[data-testid="bridge-notice"]');
  if (text === null) {
    banner?.remove();
    return;
  }
  if (banner === null) {
    banner = document.createElement('div');
    banner.dataset.testid = 'bridge-notice';
    banner.setAttribute('role', 'status');
    Object.assign(banner.style, {
      position: 'fixed',
      left: '0',
      right: '0',
      bottom: '0',
      zIndex: '1000',
      padding: '8px 16px',
      background: '#7a2e0e',
      color: '#fff',
      font: '14px/1.4 system-ui, sans-serif',
    });
    document.body.append(banner);
  }
  banner.textContent = text;
}
