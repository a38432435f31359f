import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';

// Paths are resolved from the built file (out/main/index.js), not from the
// sources: electron-vite writes preload and renderer next to it under out/.
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererIndexPath = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 520,
    title: 'Support Agent',
    // Shown on ready-to-show so the engineer never sees a white flash.
    show: false,
    webPreferences: {
      // Reviewed: the preload exposes one object of named methods (AgentApi), no ipcRenderer, no Node.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      // A middle click must not open anything, not even through a link's auxclick event.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });

  window.once('ready-to-show', () => window.show());
  loadRenderer(window).catch((error: unknown) => {
    // A window that cannot load its UI is useless; say why instead of showing a blank page forever.
    console.error('Support Agent could not load its user interface:', error);
    window.destroy();
  });
  return window;
}

async function loadRenderer(window: BrowserWindow): Promise<void> {
  // electron-vite dev sets this to its dev server; a packaged app never trusts it.
  const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
  if (!app.isPackaged && devServerUrl) {
    await window.loadURL(devServerUrl);
  } else {
    await window.loadFile(rendererIndexPath);
  }
}
