import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SessionStore } from '../services/agent-services';

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
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
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
  private async write(session: StoredSession): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(session)}\n`, { mode: 0o600 });
    // The mode of writeFile applies only to a new file; an old one keeps its own.
    await chmod(temporary, 0o600);
    await rename(temporary, this.path);
  }
}
