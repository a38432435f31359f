import { Notification } from 'electron';
import type { ShownNotification } from '@shared/ipc/workspace-settings';

/** Shown notifications, kept referenced: a collected Notification loses its click handler on some platforms. */
const live = new Map<string, Notification>();

/**
 * Shows a deadline notification natively. A click calls `onOpen` with the most urgent ticket,
 * which focuses the window and opens it.
 */
export function showDesktopNotification(notification: ShownNotification, onOpen: (ticketId: string) => void): void {
  if (!Notification.isSupported()) return;
  const native = new Notification({ title: notification.title, body: notification.body, silent: false });
  live.set(notification.id, native);
  const forget = (): void => {
    live.delete(notification.id);
  };
  native.on('click', () => {
    forget();
    const [first] = notification.ticketIds;
    if (first !== undefined) onOpen(first);
  });
  native.on('close', forget);
  native.show();
}
