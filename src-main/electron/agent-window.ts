import type { BrowserWindow, WebContents } from 'electron';
import type { AgentEvent, AgentEventPayload, AgentHandlers } from '@shared/ipc/agent-channels';
import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { fail } from '@shared/ipc/result';
import { connectAgentIpc, type AgentIpc, type AgentIpcMain, type AgentIpcWindow } from './agent-ipc';
import { closeAction, openAction, type QuitIntent } from './window-lifecycle';

/** A fresh window's UI registers its listeners a moment after the page has loaded. */
export const LISTENERS_READY_MS = 500;

const noWindow = () => Promise.resolve(fail<never>('transport', 'no window is open to hold the cache'));

/** The parts of a BrowserWindow this file uses (tests hand in a stand-in; Electron cannot run there). */
export type ShellWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'isFullScreen' | 'setFullScreen' | 'restore' | 'show' | 'hide' | 'focus' | 'on' | 'once'> & {
  readonly webContents: AgentIpcWindow['webContents'] & Pick<WebContents, 'once' | 'isLoading'>;
};

export interface WindowShell {
  ipcMain: AgentIpcMain;
  createWindow(): ShellWindow;
  quit: QuitIntent;
}

/**
 * The one main window and its IPC. Closing it hides it: the services, the notifier and the tray
 * keep running and the hidden window keeps serving its cache, so sync goes on. Only quitting closes
 * it. Should it crash, the cache calls fail until the tray, the dock or a second launch opens a new one.
 */
export class AgentWindow {
  private window: ShellWindow | null = null;
  private ipc: AgentIpc | null = null;

  constructor(
    private readonly handlers: AgentHandlers,
    /** Called each time a window's UI has loaded and serves its cache. */
    private readonly onLoaded: () => void,
    private readonly shell: WindowShell,
  ) {}

  readonly cache: CacheHandlers = {
    'cache:use-workspace': (r) => this.ipc?.cache['cache:use-workspace'](r) ?? noWindow(),
    'cache:read-cursor': (r) => this.ipc?.cache['cache:read-cursor'](r) ?? noWindow(),
    'cache:apply-page': (r) => this.ipc?.cache['cache:apply-page'](r) ?? noWindow(),
    'outbox:pending': (r) => this.ipc?.cache['outbox:pending'](r) ?? noWindow(),
    'outbox:settle': (r) => this.ipc?.cache['outbox:settle'](r) ?? noWindow(),
  };

  emit<E extends AgentEvent>(event: E, payload: AgentEventPayload<E>): void {
    this.ipc?.emit(event, payload);
  }

  /** Shows the window, creating it when there is none. */
  open(): ShellWindow {
    const current = this.window;
    if (current !== null && openAction(current) === 'show') {
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
      return current;
    }
    const window = this.shell.createWindow();
    this.window = window;
    this.ipc = connectAgentIpc(this.shell.ipcMain, window, this.handlers);
    window.webContents.on('did-finish-load', this.onLoaded);
    window.on('close', (event) => this.onClose(window, event));
    // Windows ends the session by closing windows: a hidden-instead window would hold up the logout.
    window.on('session-end', () => this.shell.quit.begin());
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

  private onClose(window: ShellWindow, event: { preventDefault(): void }): void {
    const action = closeAction(this.shell.quit.isQuitting, window.isFullScreen());
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'hide') return window.hide();
    window.once('leave-full-screen', () => window.hide());
    window.setFullScreen(false);
  }
}
