import type { ShownNotification } from '@shared/ipc/workspace-settings';

/**
 * Web mode: the main process decides what to notify (thresholds, quiet hours, dedup) and the page
 * shows it. One notification per id (`tag`), so a repeat replaces instead of stacking. No snooze
 * buttons here: a page's `new Notification()` cannot have actions (only a service worker's
 * `showNotification` can, and the app registers none); the ticket view and the queue's `s` key snooze.
 */
export function showBrowserNotification(notification: ShownNotification, open: (ticketId: string) => void): void {
  if (typeof Notification === 'undefined') return;
  const show = () => {
    const shown = new Notification(notification.title, { body: notification.body, tag: notification.id });
    shown.onclick = () => {
      window.focus();
      const first = notification.ticketIds[0];
      if (first !== undefined) open(first);
      shown.close();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => p === 'granted' && show());
}
