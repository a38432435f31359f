import type { MenuItemConstructorOptions } from 'electron';
import type { DeadlineCounts } from '@shared/ipc/workspace-settings';

/**
 * Whether the engineer asked the app to quit (the app menu, Cmd+Q, the tray's Quit, the session
 * ending). Until then, closing the window only hides it: sync, deadline notifications and the tray
 * carry on, and the tray, the dock or launching the app again shows the window.
 */
export class QuitIntent {
  private quitting = false;

  begin(): void {
    this.quitting = true;
  }

  get isQuitting(): boolean {
    return this.quitting;
  }
}

export type CloseAction = 'close' | 'hide' | 'leave-full-screen-then-hide';

/** What the window's close button does. */
export function closeAction(quitting: boolean, fullScreen: boolean): CloseAction {
  if (quitting) return 'close';
  // macOS shows a black screen where a full-screen window was hidden: leave full screen first.
  return fullScreen ? 'leave-full-screen-then-hide' : 'hide';
}

/** Showing the window: the hidden one again, or a new one when there is none (it crashed or never opened). */
export function openAction(window: { isDestroyed(): boolean } | null): 'create' | 'show' {
  return window === null || window.isDestroyed() ? 'create' : 'show';
}

export function describeCounts(counts: DeadlineCounts): string {
  if (counts.breached === 0 && counts.approaching === 0) return 'Support Agent: no deadline at risk';
  return `Support Agent: ${counts.breached} breached, ${counts.approaching} approaching`;
}

export interface TrayActions {
  open(): void;
  quit(): void;
}

/**
 * The tray's menu. The counts head it because many Linux desktops never show a tray tooltip;
 * Quit is the one way out besides the app menu, since closing the window only hides it.
 */
export function trayMenuTemplate(counts: DeadlineCounts, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: describeCounts(counts), enabled: false },
    { type: 'separator' },
    { label: 'Open Support Agent', click: () => actions.open() },
    { label: 'Quit Support Agent', click: () => actions.quit() },
  ];
}
