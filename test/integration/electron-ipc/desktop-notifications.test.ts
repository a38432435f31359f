import { describe, expect, it } from 'vitest';
import { fail } from '@shared/ipc/result';
import type { ShownNotification } from '@shared/ipc/workspace-settings';
import { createDesktopNotifications } from '../../../src-main/electron/desktop-notifications';
import { AgentServices } from '../../../src-main/services/agent-services';
import { notificationStandIn } from './electron-shell-stand-ins';

/**
 * Native deadline notifications through the real desktop-notifications.ts and AgentServices,
 * against a stand-in for Electron's Notification class: a click opens the most urgent ticket, a
 * snooze button (macOS, Windows) snoozes every ticket the notification names.
 */
const burst: ShownNotification = { id: 'deadline:1:t-2', title: '2 tickets breach within 10 minutes', body: '#2 A\n#1 B', ticketIds: ['t-2', 't-1'] };
const noCache = () => Promise.resolve(fail<never>('transport', 'not under test'));
const offline = () =>
  new AgentServices({
    cache: { 'cache:use-workspace': noCache, 'cache:read-cursor': noCache, 'cache:apply-page': noCache, 'outbox:pending': noCache, 'outbox:settle': noCache },
    sessions: { load: async () => null, save: async () => undefined },
  });

describe('desktop notifications', () => {
  it.each(['darwin', 'win32'] as const)('on %s, offers snooze buttons that snooze every ticket of the notification in the notifier', async (platform) => {
    const services = offline();
    await services.start();
    const { Notification, shown } = notificationStandIn();
    const snoozed: Promise<unknown>[] = [];
    const show = createDesktopNotifications({ Notification, platform }, { open: () => undefined, snooze: (request) => void snoozed.push(services.handlers['notifier:snooze'](request)) });
    show(burst);
    expect(shown[0]?.options).toMatchObject({ title: burst.title, body: burst.body, actions: [{ type: 'button', text: 'Snooze 1 hour' }, { type: 'button', text: 'Snooze until working hours' }] });
    const before = Date.now();
    shown[0]?.clickAction(0);
    await Promise.all(snoozed);
    const held = services.notifier.snoozes.snoozes;
    expect(held.map((s) => s.ticketId).sort()).toEqual(['t-1', 't-2']);
    for (const { untilMs } of held) expect(untilMs - before).toBeGreaterThanOrEqual(60 * 60_000);
    for (const { untilMs } of held) expect(untilMs - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    await services.stop();
  });

  it('asks for the next working hours with the second button, and opens the first ticket on a click', () => {
    const { Notification, shown } = notificationStandIn();
    const calls: unknown[] = [];
    const show = createDesktopNotifications({ Notification, platform: 'darwin' }, { open: (id) => calls.push(['open', id]), snooze: (request) => calls.push(['snooze', request]) });
    show(burst);
    shown[0]?.clickAction(1);
    shown[0]?.emit('click');
    expect(calls).toEqual([['snooze', { ticketIds: ['t-2', 't-1'], until: 'next-working-hours' }], ['open', 't-2']]);
  });

  it('offers no buttons on Linux, where Electron shows none, and shows nothing where notifications are unsupported', () => {
    const linux = notificationStandIn();
    createDesktopNotifications({ Notification: linux.Notification, platform: 'linux' }, { open: () => undefined, snooze: () => undefined })(burst);
    expect(linux.shown[0]?.options.actions).toEqual([]);
    const none = notificationStandIn(false);
    createDesktopNotifications({ Notification: none.Notification, platform: 'darwin' }, { open: () => undefined, snooze: () => undefined })(burst);
    expect(none.shown).toEqual([]);
  });
});
