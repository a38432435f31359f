import { app, BrowserWindow, session } from 'electron';
import { createMainWindow } from './create-main-window';
import { denyAllPermissions, hardenWebContents } from './harden-web-contents';

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
      createMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Support Agent failed to start:', error);
      app.exit(1);
    });
}

function focusExistingWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
