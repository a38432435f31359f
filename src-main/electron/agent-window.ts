import { ipcMain, type BrowserWindow } from 'electron';
import type { AgentEvent, AgentEventPayload, AgentHandlers } from '@shared/ipc/agent-channels';
import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { fail } from '@shared/ipc/result';
import { connectAgentIpc, type AgentIpc } from './agent-ipc';
import { createMainWindow } from './create-main-window';

/** A fresh window's UI registers its listeners a moment after the page has loaded. */
export const LISTENERS_READY_MS = 500;

const noWindow = () => Promise.resolve(fail<never>('transport', 'no window is open to hold the cache'));

/**
 * The one main window and its IPC. The services outlive it (macOS keeps the app, the notifier and
 * the tray running with no window); their cache calls follow whichever window is open.
 */
export class AgentWindow {
  private window: BrowserWindow | null = null;
  private ipc: AgentIpc | null = null;

  constructor(
    private readonly handlers: AgentHandlers,
    /** Called each time a window's UI has loaded and serves its cache. */
    private readonly onLoaded: () => void,
  ) {}

  readonly cache: CacheHandlers = {
    'cache:read-cursor': (r) => this.ipc?.cache['cache:read-cursor'](r) ?? noWindow(),
    'cache:apply-page': (r) => this.ipc?.cache['cache:apply-page'](r) ?? noWindow(),
    'outbox:pending': (r) => this.ipc?.cache['outbox:pending'](r) ?? noWindow(),
    'outbox:settle': (r) => this.ipc?.cache['outbox:settle'](r) ?? noWindow(),
  };

  emit<E extends AgentEvent>(event: E, payload: AgentEventPayload<E>): void {
    this.ipc?.emit(event, payload);
  }

  /** Shows the window, creating it when there is none. */
  open(): BrowserWindow {
    if (this.window !== null && !this.window.isDestroyed()) {
      if (this.window.isMinimized()) this.window.restore();
      this.window.show();
      this.window.focus();
      return this.window;
    }
    const window = createMainWindow();
    this.window = window;
    this.ipc = connectAgentIpc(ipcMain, window, this.handlers);
    window.webContents.on('did-finish-load', this.onLoaded);
    window.once('closed', () => {
      this.ipc?.dispose();
      this.ipc = null;
      this.window = null;
    });
    return window;
  }

  /** A notification was clicked: bring the window up and open the ticket in it. */
  openTicket(ticketId: string): void {
    const existing = this.window !== null && !this.window.isDestroyed() && !this.window.webContents.isLoading();
    const window = this.open();
    const send = () => this.emit('notifier:open-ticket', { ticketId });
    if (existing) send();
    else window.webContents.once('did-finish-load', () => setTimeout(send, LISTENERS_READY_MS));
  }
}
