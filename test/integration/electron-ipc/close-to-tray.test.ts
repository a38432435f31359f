import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ELECTRON_CHANNELS } from '@shared/ipc/agent-api';
import { agentChannels } from '@shared/ipc/agent-channels';
import { fail } from '@shared/ipc/result';
import { AgentWindow } from '../../../src-main/electron/agent-window';
import { createDeadlineBadge } from '../../../src-main/electron/deadline-badge';
import { QuitIntent } from '../../../src-main/electron/window-lifecycle';
import { AgentServices } from '../../../src-main/services/agent-services';
import { BrowserWindowStandIn, badgeStandIns } from './electron-shell-stand-ins';
import { IpcMainStandIn } from './ipc-main-stand-in';

/**
 * The desktop shell's window and tray, through the real agent-window.ts, deadline-badge.ts and
 * agent-ipc.ts, against stand-ins for BrowserWindow, Tray, Menu and ipcMain (Electron cannot run
 * here): closing the window hides it and keeps its IPC, so sync and the notifier carry on; the tray
 * shows it again or quits; only quitting closes it.
 */
const noCache = () => Promise.resolve(fail<never>('transport', 'not under test'));

let ipcMain: IpcMainStandIn;
let quit: QuitIntent;
let created: BrowserWindowStandIn[];
let services: AgentServices;
let agentWindow: AgentWindow;
let tray: ReturnType<typeof badgeStandIns>;
/** What Electron's app.quit() does: 'before-quit' (main.ts marks the intent), then every window is closed. */
let appQuit: () => void;

beforeEach(async () => {
  ipcMain = new IpcMainStandIn();
  quit = new QuitIntent();
  created = [];
  services = new AgentServices({
    cache: { 'cache:use-workspace': noCache, 'cache:read-cursor': noCache, 'cache:apply-page': noCache, 'outbox:pending': noCache, 'outbox:settle': noCache },
    sessions: { load: async () => null, save: async () => undefined },
  });
  await services.start();
  agentWindow = new AgentWindow(services.handlers, () => undefined, {
    ipcMain,
    quit,
    createWindow: () => {
      const window = new BrowserWindowStandIn();
      created.push(window);
      return window.asShellWindow();
    },
  });
  appQuit = () => {
    quit.begin();
    for (const window of created) if (!window.isDestroyed()) window.clickClose();
  };
  tray = badgeStandIns();
  createDeadlineBadge(tray.parts, { open: () => agentWindow.open(), quit: () => appQuit() });
});

afterEach(() => services.stop());

const registered = () => [...ipcMain.handlers.keys()].sort();
const allChannels = () => Object.keys(agentChannels).map(ELECTRON_CHANNELS.request).sort();

describe('desktop shell: closing the window hides it', () => {
  it('hides on close and keeps the IPC, so the cache is still fed and the window still asks', async () => {
    agentWindow.open();
    const [window] = created;
    expect(window?.clickClose()).toBe(false);
    expect(window?.visible).toBe(false);
    expect(window?.isDestroyed()).toBe(false);
    expect(registered()).toEqual(allChannels());

    // The sync engine's next cache call still reaches the hidden window, and its answer still counts.
    const cursor = agentWindow.cache['cache:read-cursor']({});
    const asked = window!.webContents.sent.at(-1);
    expect(asked?.channel).toBe(ELECTRON_CHANNELS.cacheEnvelope);
    const id = (asked?.payload as { id: number }).id;
    ipcMain.send(window!.topFrame, ELECTRON_CHANNELS.cacheEnvelope, { type: 'response', id, payload: { ok: true, value: null } });
    expect(await cursor).toEqual({ ok: true, value: null });
    expect(await ipcMain.invoke(window!.topFrame, ELECTRON_CHANNELS.request('deadlines:counts'), {})).toEqual({ ok: true, value: { breached: 0, approaching: 0 } });
  });

  it('the tray’s Open shows the same window again; after a crash it opens a new one', () => {
    agentWindow.open();
    created[0]!.clickClose();
    tray.clickMenu('Open Support Agent');
    expect(created).toHaveLength(1);
    expect(created[0]!.visible).toBe(true);

    created[0]!.clickClose();
    tray.tray.emit('click');
    expect(created[0]!.visible).toBe(true);

    created[0]!.destroy(); // the renderer crashed, or failed to load
    expect(registered()).toEqual([]);
    tray.clickMenu('Open Support Agent');
    expect(created).toHaveLength(2);
    expect(registered()).toEqual(allChannels());
  });

  it('leaves full screen before hiding, so macOS shows no black space', async () => {
    agentWindow.open();
    const window = created[0]!;
    window.fullScreen = true;
    expect(window.clickClose()).toBe(false);
    expect(window.visible).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.fullScreen).toBe(false);
    expect(window.visible).toBe(false);
  });
});

describe('desktop shell: quitting closes it', () => {
  it('the tray’s Quit closes the window for good and drops its IPC', () => {
    agentWindow.open();
    created[0]!.clickClose();
    tray.clickMenu('Quit Support Agent');
    expect(created[0]!.isDestroyed()).toBe(true);
    expect(registered()).toEqual([]);
  });

  it('a close after the quit began (Cmd+Q, the app menu) or the Windows session ending is not held', () => {
    agentWindow.open();
    quit.begin();
    expect(created[0]!.clickClose()).toBe(true);

    const other = new QuitIntent();
    const second = new AgentWindow(services.handlers, () => undefined, { ipcMain: new IpcMainStandIn(), quit: other, createWindow: () => new BrowserWindowStandIn().asShellWindow() });
    const window = second.open() as unknown as BrowserWindowStandIn;
    window.emit('session-end');
    expect(window.clickClose()).toBe(true);
  });
});

describe('desktop shell: the tray', () => {
  it('says the counts in its tooltip and at the head of its menu, and puts their sum on the badge', () => {
    const own = badgeStandIns();
    const badge = createDeadlineBadge(own.parts, { open: () => undefined, quit: () => undefined });
    expect(own.tray.tooltip).toBe('Support Agent: no deadline at risk');
    badge.update({ breached: 2, approaching: 3 });
    expect(own.tray.tooltip).toBe('Support Agent: 2 breached, 3 approaching');
    expect(own.tray.menu.map((item) => item.label ?? item.type)).toEqual(['Support Agent: 2 breached, 3 approaching', 'separator', 'Open Support Agent', 'Quit Support Agent']);
    expect(own.tray.menu[0]?.enabled).toBe(false);
    expect(own.badgeCounts).toEqual([5]);
    badge.dispose();
    expect(own.tray.destroyed).toBe(true);
  });
});
