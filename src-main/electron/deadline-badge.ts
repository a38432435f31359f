import type { App, Menu, Tray } from 'electron';
import { join } from 'node:path';
import type { DeadlineCounts } from '@shared/ipc/workspace-settings';
import { describeCounts, trayMenuTemplate, type TrayActions } from './window-lifecycle';

export interface DeadlineBadge {
  update(counts: DeadlineCounts): void;
  dispose(): void;
}

/** The Electron objects the badge drives (main.ts hands in the real ones; tests a stand-in). */
export interface BadgeParts {
  app: Pick<App, 'setBadgeCount'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  tray: Pick<Tray, 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;
}

/** Shipped inside the app (see electron-builder.yml "files"); tray-icon@2x.png is picked on HiDPI. */
export function trayIconPath(appPath: string): string {
  return join(appPath, 'build', 'tray-icon.png');
}

/**
 * The number of tickets that need a reply now (breached plus approaching) on the dock / taskbar
 * badge, and the tray, whose tooltip and menu say which is which, so the engineer sees it with the
 * window hidden. The tray opens the window and quits the app.
 */
export function createDeadlineBadge(parts: BadgeParts, actions: TrayActions): DeadlineBadge {
  const { app, Menu, tray } = parts;
  const show = (counts: DeadlineCounts): void => {
    tray.setToolTip(describeCounts(counts));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(counts, actions)));
  };
  show({ breached: 0, approaching: 0 });
  tray.on('click', () => actions.open());
  return {
    update(counts) {
      app.setBadgeCount(counts.breached + counts.approaching);
      show(counts);
    },
    dispose: () => tray.destroy(),
  };
}
