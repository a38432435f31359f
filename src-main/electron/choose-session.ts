import { app } from 'electron';
import { join } from 'node:path';
import type { SessionStore } from '../services/agent-services';
import { startEmbeddedDemo } from '../services/embedded-demo';
import { safeSessionStore } from './safe-session-store';

export interface ChosenSession {
  sessions: SessionStore;
  /** The session is the embedded demo workspace (labelled "Demo" in the app). */
  demo: boolean;
  stop(): Promise<void>;
}

const logger = {
  info: (message: string) => console.info(`demo workspace: ${message}`),
  warn: (message: string) => console.warn(`demo workspace: ${message}`),
  error: (message: string, details?: Record<string, unknown>) => console.error(`demo workspace: ${message}`, details ?? ''),
};

/**
 * A saved session wins; with nothing configured (first launch) the demo backend starts inside the
 * app on 127.0.0.1, on PGlite in the app's data folder, and the app signs in to it. Seeding the demo
 * takes a few seconds, so the window does not wait for it: the session store does. The demo
 * session is not saved: its port changes every launch, and signing in to a real backend from
 * Settings saves that one instead, which then wins on every later launch.
 */
export async function chooseSession(): Promise<ChosenSession> {
  const saved = safeSessionStore();
  if ((await saved.load()) !== null) return { sessions: saved, demo: false, stop: async () => undefined };
  const demo = startEmbeddedDemo({ dataDir: join(app.getPath('userData'), 'demo-backend'), logger });
  demo.catch((error: unknown) => console.error('The demo workspace could not start; sign in to a backend in Settings.', error));
  let signedInElsewhere = false;
  return {
    demo: true,
    sessions: {
      load: async () => (signedInElsewhere ? saved.load() : demo.then((d) => ({ backendUrl: d.url, token: d.token }), () => null)),
      save: async (session) => {
        await saved.save(session);
        signedInElsewhere = true;
      },
    },
    stop: () => demo.then((d) => d.stop(), () => undefined),
  };
}
