import type { Notification, NotificationConstructorOptions } from 'electron';
import type { ShownNotification, SnoozeRequest } from '@shared/ipc/workspace-settings';

type SnoozeLength = Omit<SnoozeRequest, 'ticketIds'>;

/**
 * The snooze buttons a notification offers. Electron shows notification buttons on macOS (the app
 * signed, alert style) and Windows; on Linux it shows none, so none are asked for there.
 */
export function snoozeActionsFor(platform: NodeJS.Platform): ReadonlyArray<{ text: string; length: SnoozeLength }> {
  if (platform !== 'darwin' && platform !== 'win32') return [];
  return [
    { text: 'Snooze 1 hour', length: { minutes: 60 } },
    { text: 'Snooze until working hours', length: { until: 'next-working-hours' } },
  ];
}

type NativeNotification = Pick<Notification, 'on' | 'show'>;

/** Electron's Notification class, and the platform (main.ts hands in the real ones; tests a stand-in). */
export interface NotificationParts {
  Notification: { new (options: NotificationConstructorOptions): NativeNotification; isSupported(): boolean };
  platform: NodeJS.Platform;
}

export interface NotificationActions {
  /** A click: focus the window and open this ticket. */
  open(ticketId: string): void;
  /** A snooze button: hold every ticket the notification names. */
  snooze(request: SnoozeRequest): void;
}

/**
 * Shows deadline notifications natively. A click opens the most urgent ticket; a snooze button
 * snoozes all the tickets the notification is about.
 */
export function createDesktopNotifications(parts: NotificationParts, actions: NotificationActions): (notification: ShownNotification) => void {
  // Kept referenced while shown: a collected Notification loses its handlers on some platforms.
  const live = new Map<string, NativeNotification>();
  const snoozes = snoozeActionsFor(parts.platform);
  return (notification) => {
    if (!parts.Notification.isSupported()) return;
    const native = new parts.Notification({
      title: notification.title,
      body: notification.body,
      silent: false,
      actions: snoozes.map(({ text }) => ({ type: 'button', text })),
    });
    live.set(notification.id, native);
    const forget = (): void => {
      live.delete(notification.id);
    };
    native.on('click', () => {
      forget();
      const [first] = notification.ticketIds;
      if (first !== undefined) actions.open(first);
    });
    native.on('action', (details) => {
      forget();
      const chosen = snoozes[details.actionIndex];
      if (chosen !== undefined) actions.snooze({ ticketIds: notification.ticketIds, ...chosen.length });
    });
    native.on('close', forget);
    native.show();
  };
}
