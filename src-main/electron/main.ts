import { app, BrowserWindow, powerMonitor, session } from 'electron';
import { AgentServices } from '../services/agent-services';
import { connectAgentIpc } from './agent-ipc';
import { createMainWindow } from './create-main-window';
import { denyAllPermissions, hardenWebContents } from './harden-web-contents';
import { safeSessionStore } from './safe-session-store';

// One instance per user profile: a second one would race the first for the
// IndexedDB cache and double every desktop notification.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusExistingWindow);

  // Registered before any window exists, so no web contents escapes the policy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      startServices(createMainWindow());
    })
    .catch((error: unknown) => {
      console.error('Support Agent failed to start:', error);
      app.exit(1);
    });
}

/** The sync engine and friends for the window; the renderer's cache is their sink. */
function startServices(window: BrowserWindow): void {
  let ipc: ReturnType<typeof connectAgentIpc> | null = null;
  const services = new AgentServices({
    cache: {
      'cache:read-cursor': (r) => ipc!.cache['cache:read-cursor'](r),
      'cache:apply-page': (r) => ipc!.cache['cache:apply-page'](r),
      'outbox:pending': (r) => ipc!.cache['outbox:pending'](r),
      'outbox:settle': (r) => ipc!.cache['outbox:settle'](r),
    },
    sessions: safeSessionStore(),
    onStatus: (status) => ipc?.emit('sync:status-changed', status),
    onClockSkew: (skew) => ipc?.emit('clock:skew-changed', skew),
  });
  ipc = connectAgentIpc(window, services.handlers);
  powerMonitor.on('resume', () => services.wake());
  window.webContents.once('did-finish-load', () => void services.start());
  window.once('closed', () => {
    services.stop();
    ipc?.dispose();
  });
}

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
