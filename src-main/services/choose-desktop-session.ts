import type { SessionStore } from './agent-services';
import type { EmbeddedDemo } from './embedded-demo';

export interface ChosenSession {
  sessions: SessionStore;
  /** The session is the embedded demo workspace (labelled "Demo" in the app). */
  demo: boolean;
  stop(): Promise<void>;
}

export interface DesktopSessionOptions {
  /** Where the session the engineer signed in to is kept (Electron: safeStorage). */
  saved: SessionStore;
  /** Starts the embedded demo workspace in its own folder (startEmbeddedDemo in the app). */
  startDemo: () => Promise<EmbeddedDemo>;
  /** Why the demo did not start, for the log. */
  onDemoFailed?: (error: unknown) => void;
}

/**
 * A saved session wins; with nothing configured (first launch) the demo backend starts inside the
 * app and the app signs in to it. Seeding the demo takes a few seconds, so the window does not wait
 * for it: the session store does. The demo session is not saved (its token and port are in the
 * demo's folder, which keeps the port from launch to launch); signing in to a real backend from
 * Settings saves that one instead, which then wins on every later launch.
 */
export async function chooseDesktopSession(options: DesktopSessionOptions): Promise<ChosenSession> {
  const { saved } = options;
  if ((await saved.load()) !== null) return { sessions: saved, demo: false, stop: async () => undefined };
  const demo = options.startDemo();
  demo.catch((error: unknown) => options.onDemoFailed?.(error));
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
