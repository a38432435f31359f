import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { DeadlineCounts } from '@shared/ipc/workspace-settings';

export interface DeadlineBadge {
  update(counts: DeadlineCounts): void;
  dispose(): void;
}

function describe(counts: DeadlineCounts): string {
  if (counts.breached === 0 && counts.approaching === 0) return 'Support Agent: no deadline at risk';
  return `Support Agent: ${counts.breached} breached, ${counts.approaching} approaching`;
}

/**
 * The number of tickets that need a reply now (breached plus approaching) on the dock / taskbar
 * badge, and a tray icon whose tooltip says which is which, so the engineer sees it with the
 * window hidden. The tray opens the window and quits the app.
 */
export function createDeadlineBadge(actions: { open(): void }): DeadlineBadge {
  // Shipped inside the app (see electron-builder.yml "files"); tray-icon@2x.png is picked on HiDPI.
  const icon = nativeImage.createFromPath(join(app.getAppPath(), 'build', 'tray-icon.png'));
  const tray = new Tray(icon);
  tray.setToolTip(describe({ breached: 0, approaching: 0 }));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Support Agent', click: actions.open },
      { type: 'separator' },
      { label: 'Quit', role: 'quit' },
    ]),
  );
  tray.on('click', actions.open);
  return {
    update(counts) {
      app.setBadgeCount(counts.breached + counts.approaching);
      tray.setToolTip(describe(counts));
    },
    dispose: () => tray.destroy(),
  };
}
