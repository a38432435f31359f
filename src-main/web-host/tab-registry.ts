import type { WebSocket } from 'ws';
import type { AgentHandlers } from '@shared/ipc/agent-channels';
import { cacheChannels, type CacheHandlers } from '@shared/ipc/cache-channels';
import { forwardingHandlers } from '@shared/ipc/channel-proxy';
import { fail, type Result } from '@shared/ipc/result';
import { WEB_CLOSE } from '@shared/ipc/web-socket-protocol';
import { TabConnection } from './tab-connection';

/** A tab that hangs (or a huge page on a slow machine) must not stall the sync engine forever. */
const CACHE_CALL_TIMEOUT_MS = 30_000;

export const SUPERSEDED_REASON = 'Support Agent was opened in a newer tab, which now keeps the cache';

/**
 * The open tabs, and which one keeps the cache. Every tab may make agent requests and hears every
 * agent event; the cache channels go to one tab only, the newest that offered its cache: two tabs
 * of one origin share one IndexedDB, so one writer is enough, and the newest is the one the
 * engineer is looking at. The older tab is closed with WEB_CLOSE.superseded and says why.
 */
export class TabRegistry {
  private readonly tabs = new Set<TabConnection>();
  private cacheTab: TabConnection | null = null;
  private readonly formerCacheTabs = new WeakSet<TabConnection>();

  constructor(
    private readonly handlers: Partial<AgentHandlers>,
    private readonly options: { onCacheServed(): void; noTabMessage: string },
  ) {}

  get size(): number {
    return this.tabs.size;
  }

  add(socket: WebSocket): void {
    const tab = new TabConnection(socket, this.handlers, {
      onServeCache: (serving) => this.takeOver(serving),
      onClose: (closed) => {
        this.tabs.delete(closed);
        if (this.cacheTab === closed) this.cacheTab = null;
        // Its calls in flight were just abandoned, failing the sync run under way into a backoff:
        // once that failure has settled, the new cache tab gets a run at once.
        if (this.formerCacheTabs.has(closed) && this.cacheTab !== null) setTimeout(() => this.options.onCacheServed(), 10);
      },
    });
    this.tabs.add(tab);
  }

  /** The cache channels as the sync engine calls them: to the cache tab, or an error value. */
  readonly cache: CacheHandlers = forwardingHandlers(cacheChannels, (channel, request) => this.viaCacheTab((tab) => tab.endpoint.call(channel, request as never)));

  emit(event: string, payload: unknown): void {
    for (const tab of this.tabs) tab.emit(event, payload);
  }

  closeAll(code: number, reason: string): void {
    for (const tab of this.tabs) tab.close(code, reason);
  }

  private takeOver(tab: TabConnection): void {
    const previous = this.cacheTab;
    this.cacheTab = tab;
    if (previous !== null && previous !== tab) {
      this.formerCacheTabs.add(previous);
      previous.close(WEB_CLOSE.superseded, SUPERSEDED_REASON);
    }
    this.options.onCacheServed();
  }

  private async viaCacheTab<T>(call: (tab: TabConnection) => Promise<T>): Promise<T | Result<never>> {
    const tab = this.cacheTab;
    if (tab === null) return fail('no-tab', this.options.noTabMessage);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Result<never>>((resolve) => {
      timer = setTimeout(() => resolve(fail('transport', `the browser tab's cache did not answer within ${CACHE_CALL_TIMEOUT_MS / 1000} s`)), CACHE_CALL_TIMEOUT_MS);
    });
    return Promise.race([call(tab), timeout]).finally(() => clearTimeout(timer));
  }
}
