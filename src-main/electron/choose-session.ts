import { app } from 'electron';
import { join } from 'node:path';
import { chooseDesktopSession, type ChosenSession } from '../services/choose-desktop-session';
import { startEmbeddedDemo } from '../services/embedded-demo';
import { safeSessionStore } from './safe-session-store';

const logger = {
  info: (message: string) => console.info(`demo workspace: ${message}`),
  warn: (message: string) => console.warn(`demo workspace: ${message}`),
  error: (message: string, details?: Record<string, unknown>) => console.error(`demo workspace: ${message}`, details ?? ''),
};

/** The desktop's session: Electron's pieces (safeStorage, the profile folder) around chooseDesktopSession. */
export function chooseSession(): Promise<ChosenSession> {
  return chooseDesktopSession({
    saved: safeSessionStore(),
    startDemo: () => startEmbeddedDemo({ dataDir: join(app.getPath('userData'), 'demo-backend'), logger }),
    onDemoFailed: (error) => console.error('The demo workspace could not start; sign in to a backend in Settings.', error),
  });
}
