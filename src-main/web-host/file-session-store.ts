import { join } from 'node:path';
import { z } from 'zod';
import type { SessionStore } from '../services/agent-services';
import { readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from '../services/owner-only-files';

export const SESSION_FILE_NAME = 'session.json';

const storedSessionSchema = z.object({
  backendUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(8).max(500),
  /** True when the embedded demo workspace wrote it: its URL changes with every launch. */
  demo: z.boolean().default(false),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/**
 * Web mode's session store: `<data>/session.json`, readable by this user only (0600), since it
 * holds the backend token. Electron keeps the same in safeStorage; a browser host has no keychain,
 * so the file's permissions are the protection, as for an SSH key.
 */
export class FileSessionStore implements SessionStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SESSION_FILE_NAME);
  }

  async load(): Promise<{ backendUrl: string; token: string } | null> {
    const stored = await this.loadStored();
    return stored === null ? null : { backendUrl: stored.backendUrl, token: stored.token };
  }

  /** The stored session with its demo flag; null when there is none. A corrupt file is an error. */
  async loadStored(): Promise<StoredSession | null> {
    const content = await readOwnerOnlyFile(this.path);
    if (content === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch {
      throw new Error(`${this.path} is not valid JSON; delete it to sign in again`);
    }
    const parsed = storedSessionSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.path} does not hold a session (${parsed.error.issues[0]?.message ?? 'invalid'}); delete it to sign in again`);
    return parsed.data;
  }

  /** Signing in from the UI or with --backend: a real backend, never the demo. */
  save(session: { backendUrl: string; token: string }): Promise<void> {
    return this.write({ ...session, demo: false });
  }

  saveDemo(session: { backendUrl: string; token: string }): Promise<void> {
    return this.write({ ...session, demo: true });
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a token behind. */
  private write(session: StoredSession): Promise<void> {
    return writeOwnerOnlyFileAtomically(this.path, `${JSON.stringify(session)}\n`);
  }
}
