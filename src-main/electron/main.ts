import { app, ipcMain, Menu, nativeImage, Notification, powerMonitor, session, Tray } from 'electron';
import { join } from 'node:path';
import type { CacheHandlers } from '@shared/ipc/cache-channels';
import { fail } from '@shared/ipc/result';
import type { ShownNotification } from '@shared/ipc/workspace-settings';
import { AgentServices, type AgentServicesOptions } from '../services/agent-services';
import { fileNotifierStateStore } from '../services/deadline-notifier/notifier-state-file';
import { ensureOwnerOnlyDir } from '../services/owner-only-files';
import { fileSettingsStore } from '../services/settings-store-file';
import { AgentWindow } from './agent-window';
import type { ChosenSession } from '../services/choose-desktop-session';
import { chooseSession } from './choose-session';
import { enforceContentSecurityPolicy } from './content-security-policy';
import { createMainWindow } from './create-main-window';
import { createDeadlineBadge, trayIconPath, type DeadlineBadge } from './deadline-badge';
import { createDesktopNotifications } from './desktop-notifications';
import { denyAllPermissions, hardenWebContents } from './harden-web-contents';
import { QuitIntent } from './window-lifecycle';

// One instance per user profile: a second one would race the first for the
// IndexedDB cache and double every desktop notification.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Registered before any window exists, so no web contents escapes the policy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // Closing the window hides it; should it be gone all the same (it crashed), the notifier and the
  // tray keep running, and the tray, the dock or a second launch opens a new one. Only Quit quits.
  app.on('window-all-closed', () => undefined);

  app
    .whenReady()
    .then(startDesktop)
    .catch((error: unknown) => {
      console.error('Support Agent failed to start:', error);
      app.exit(1);
    });
}

/** The services live as long as the app; the window is hidden and shown, and comes back after a crash. */
async function startDesktop(): Promise<void> {
  // Our files in it (session, settings, the notifier's state) are the user's alone, and so is the folder.
  await ensureOwnerOnlyDir(app.getPath('userData'));
  denyAllPermissions(session.defaultSession);
  if (!isDevServer()) enforceContentSecurityPolicy(session.defaultSession);
  const chosen = await chooseSession();
  const quit = new QuitIntent();
  let window: AgentWindow | null = null;
  // The notifications' snooze buttons reach the services, which show the notifications: tied here.
  let snooze: AgentServices['handlers']['notifier:snooze'] | null = null;
  const tray = new Tray(nativeImage.createFromPath(trayIconPath(app.getAppPath())));
  const badge = createDeadlineBadge({ app, Menu, tray }, { open: () => window?.open(), quit: () => app.quit() });
  const notify = createDesktopNotifications(
    { Notification, platform: process.platform },
    {
      open: (ticketId) => window?.openTicket(ticketId),
      snooze: (request) =>
        void snooze?.(request).then((done) => {
          if (!done.ok) console.warn(`Could not snooze from the notification: ${done.error.message}`);
        }),
    },
  );
  const services = new AgentServices(serviceOptions(chosen, { window: () => window, badge, notify }));
  snooze = services.handlers['notifier:snooze'];
  window = new AgentWindow(services.handlers, whenLoaded(services), { ipcMain, createWindow: createMainWindow, quit });
  const shown = window;
  app.on('second-instance', () => shown.open());
  app.on('activate', () => shown.open());
  powerMonitor.on('resume', () => services.wake());
  // Logging out or shutting down closes the window for good, as quitting does.
  powerMonitor.on('shutdown', () => quit.begin());
  let stopping = false;
  app.on('before-quit', (event) => {
    quit.begin();
    if (stopping) return;
    // The embedded demo's database closes cleanly before the process ends (bounded, so quitting never hangs).
    stopping = true;
    event.preventDefault();
    badge.dispose();
    const stopped = services.stop().then(() => chosen.stop());
    void Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, QUIT_GRACE_MS))]).finally(() => app.quit());
  });
  shown.open();
}

interface Shell {
  window: () => AgentWindow | null;
  badge: DeadlineBadge;
  notify: (notification: ShownNotification) => void;
}

function serviceOptions(chosen: ChosenSession, shell: Shell): AgentServicesOptions {
  const userData = app.getPath('userData');
  const cache = (): CacheHandlers => shell.window()?.cache ?? noCache;
  return {
    cache: {
      'cache:use-workspace': (r) => cache()['cache:use-workspace'](r),
      'cache:read-cursor': (r) => cache()['cache:read-cursor'](r),
      'cache:apply-page': (r) => cache()['cache:apply-page'](r),
      'outbox:pending': (r) => cache()['outbox:pending'](r),
      'outbox:settle': (r) => cache()['outbox:settle'](r),
    },
    sessions: chosen.sessions,
    demo: chosen.demo,
    settings: fileSettingsStore(join(userData, 'settings.json')),
    notifierStore: fileNotifierStateStore(join(userData, 'deadline-notifier.json')),
    onStatus: (status) => shell.window()?.emit('sync:status-changed', status),
    onClockSkew: (skew) => shell.window()?.emit('clock:skew-changed', skew),
    onNotification: shell.notify,
    onDeadlineCounts: (counts) => {
      shell.badge.update(counts);
      shell.window()?.emit('deadlines:counts', counts);
    },
    onSnoozes: (snoozes) => shell.window()?.emit('notifier:snoozes-changed', snoozes),
    onSession: (session) => shell.window()?.emit('session:changed', session),
  };
}

/** The first load starts the services (the cache is there to feed); later loads catch up at once. */
function whenLoaded(services: AgentServices): () => void {
  let started = false;
  return () => {
    if (started) return services.wake();
    started = true;
    services.start().catch((error: unknown) => console.error('The agent services could not start:', error));
  };
}

const QUIT_GRACE_MS = 5_000;
const noWindow = () => Promise.resolve(fail<never>('transport', 'the window is not open yet'));
const noCache: CacheHandlers = { 'cache:use-workspace': noWindow, 'cache:read-cursor': noWindow, 'cache:apply-page': noWindow, 'outbox:pending': noWindow, 'outbox:settle': noWindow };

/** electron-vite dev serves the renderer with a relaxed policy of its own (scripts/relax-csp-in-dev.ts). */
function isDevServer(): boolean {
  return !app.isPackaged && Boolean(process.env['ELECTRON_RENDERER_URL']);
}
