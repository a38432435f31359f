import type { NotificationConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import type { NotificationParts } from '../../../src-main/electron/desktop-notifications';

/** Electron's Notification class (Electron cannot run here): records each one shown, with its options, for a test to click. */
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
