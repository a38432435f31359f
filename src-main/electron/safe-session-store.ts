import { app, safeStorage } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionStore } from '../services/agent-services';

const sessionSchema = z.object({ backendUrl: z.string().url(), token: z.string().min(8) });

/**
 * The backend URL and token, encrypted with the OS keychain through safeStorage, in the app's
 * data folder. The token never reaches the renderer.
 */
export function safeSessionStore(): SessionStore {
  const file = join(app.getPath('userData'), 'session.bin');
  return {
    async load() {
      try {
        const plaintext = safeStorage.decryptString(await readFile(file));
        const parsed = sessionSchema.safeParse(JSON.parse(plaintext));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async save(session) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the system keychain is not available to protect the backend token');
      await writeFile(file, safeStorage.encryptString(JSON.stringify(session)), { mode: 0o600 });
    },
  };
}
