import type { MenuItemConstructorOptions, NotificationConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import type { ShellWindow } from '../../../src-main/electron/agent-window';
import type { BadgeParts } from '../../../src-main/electron/deadline-badge';
import type { NotificationParts } from '../../../src-main/electron/desktop-notifications';

/**
 * Stand-ins for the Electron objects the desktop shell drives (Electron cannot run here), doing
 * what Electron does with them: a window's close button emits a cancellable 'close', then, unless
 * it was prevented, 'closed', after which the window is destroyed.
 */
export class BrowserWindowStandIn extends EventEmitter {
  visible = true;
  minimized = false;
  fullScreen = false;
  private destroyed = false;
  readonly webContents = Object.assign(new EventEmitter(), {
    mainFrame: { name: 'top' },
    sent: [] as { channel: string; payload: unknown }[],
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload: structuredClone(payload) });
    },
    isLoading: () => false,
  });

  /** The close button (or Cmd+W, Alt+F4); returns whether the window is gone. */
  clickClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
    return !prevented;
  }

  /** The window is gone without asking (a crash, or the app's own destroy()). */
  destroy(): void {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isFullScreen = () => this.fullScreen;
  restore = () => void (this.minimized = false);
  show = () => void (this.visible = true);
  hide = () => void (this.visible = false);
  focus = () => undefined;
  setFullScreen = (flag: boolean) => {
    this.fullScreen = flag;
    // Electron finishes the animation before it says so.
    if (!flag) setTimeout(() => this.emit('leave-full-screen'), 1);
  };

  /** How the sender of an IPC message from this window's top frame looks to ipcMain. */
  get topFrame() {
    return { sender: this.webContents, senderFrame: this.webContents.mainFrame };
  }

  asShellWindow(): ShellWindow {
    return this as unknown as ShellWindow;
  }
}

/** The tray, the menu builder and app.setBadgeCount, recording what the badge set. */
export function badgeStandIns() {
  const tray = Object.assign(new EventEmitter(), {
    tooltip: '',
    menu: [] as MenuItemConstructorOptions[],
    destroyed: false,
    setToolTip(text: string) {
      this.tooltip = text;
    },
    setContextMenu(menu: unknown) {
      this.menu = menu as MenuItemConstructorOptions[];
    },
    destroy() {
      this.destroyed = true;
    },
  });
  const badgeCounts: number[] = [];
  const parts = {
    app: { setBadgeCount: (count: number) => badgeCounts.push(count) > 0 },
    // A built menu keeps its template's items; the stand-in keeps the template itself.
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
    tray,
  } as unknown as BadgeParts;
  /** Clicks the tray menu item with this label, as the engineer would. */
  const clickMenu = (label: string): void => {
    const item = tray.menu.find((entry) => entry.label === label);
    if (item?.click === undefined) throw new Error(`the tray menu has no "${label}" item: ${tray.menu.map((entry) => entry.label ?? '—').join(', ')}`);
    (item.click as () => void)();
  };
  return { parts, tray, badgeCounts, clickMenu };
}

/** Electron's Notification class: records each one shown, with its options, for a test to click. */
export function notificationStandIn(supported = true) {
  const shown: NotificationStandIn[] = [];
  class NotificationStandIn extends EventEmitter {
    static isSupported = () => supported;
    constructor(readonly options: NotificationConstructorOptions) {
      super();
    }
    show(): void {
      shown.push(this);
    }
    /** A click on the button at this index (Electron passes the details first, the index again after). */
    clickAction(actionIndex: number): void {
      this.emit('action', { actionIndex, selectionIndex: -1 }, actionIndex, -1);
    }
  }
  return { Notification: NotificationStandIn as unknown as NotificationParts['Notification'], shown };
}
