import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { AgentIpcMain, AgentIpcWindow } from '../../../src-main/electron/agent-ipc';
import type { PreloadIpc } from '../../../src-main/preload/electron-agent';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type Listener = (event: IpcMainEvent, ...args: unknown[]) => void;

/** Who sends: a webContents and the frame inside it (Electron fills these in from the real renderer). */
export interface Sender {
  sender: unknown;
  senderFrame: unknown;
}

/**
 * A minimal stand-in for Electron's own ipcMain (Electron cannot run here): the same registration
 * rules (one handler per channel), payloads structured-cloned as they cross the process boundary,
 * and the error Electron gives an invoke on a channel with no handler.
 */
export class IpcMainStandIn implements AgentIpcMain {
  readonly handlers = new Map<string, Handler>();
  readonly listeners = new Map<string, Set<Listener>>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  on(channel: string, listener: Listener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  /** What `ipcRenderer.invoke(channel, payload)` in a renderer amounts to in the main process. */
  async invoke(from: Sender, channel: string, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler(from as IpcMainInvokeEvent, structuredClone(payload));
  }

  /** What `ipcRenderer.send(channel, payload)` amounts to. */
  send(from: Sender, channel: string, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(from as IpcMainEvent, structuredClone(payload));
  }
}

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * A window stand-in: its webContents records what the main process sends to the renderer, and
 * hands it to the listeners of the page's ipcRenderer (see ipcRendererStandIn).
 */
export function windowStandIn() {
  const sent: { channel: string; payload: unknown }[] = [];
  const rendererListeners = new Map<string, Set<RendererListener>>();
  const mainFrame = { name: 'top' };
  const webContents = {
    mainFrame,
    send: (channel: string, payload: unknown) => {
      sent.push({ channel, payload: structuredClone(payload) });
      for (const listener of rendererListeners.get(channel) ?? []) listener({}, structuredClone(payload));
    },
    on: () => webContents,
  };
  const window = { webContents } as unknown as AgentIpcWindow;
  return { window, sent, topFrame: { sender: webContents, senderFrame: mainFrame } satisfies Sender, webContents, rendererListeners };
}

/**
 * What the preload's ipcRenderer amounts to in a page of `window`, sending as the frame `from`:
 * invokes and sends reach `ipcMain` (payloads cloned, as Electron does), and what the main process
 * sends to the window reaches the listeners registered here.
 */
export function ipcRendererStandIn(ipcMain: IpcMainStandIn, standIn: ReturnType<typeof windowStandIn>, from: Sender = standIn.topFrame): PreloadIpc {
  return {
    invoke: (channel, payload) => ipcMain.invoke(from, channel, payload),
    send: (channel, payload) => ipcMain.send(from, channel, payload),
    on(channel, listener) {
      const set = standIn.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      standIn.rendererListeners.set(channel, set);
    },
    removeListener: (channel, listener) => standIn.rendererListeners.get(channel)?.delete(listener),
  };
}
