import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionStore } from '../services/agent-services';
import { readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from '../services/owner-only-files';

const sessionSchema = z.object({ backendUrl: z.string().url(), token: z.string().min(8) });

/**
 * The backend URL and token, encrypted with the OS keychain through safeStorage, in the app's
 * data folder, owner-only like every file the app writes. The token never reaches the renderer.
 */
export function safeSessionStore(): SessionStore {
  const file = join(app.getPath('userData'), 'session.bin');
  return {
    async load() {
      try {
        const encrypted = await readOwnerOnlyFile(file);
        if (encrypted === null) return null;
        const plaintext = safeStorage.decryptString(encrypted);
        const parsed = sessionSchema.safeParse(JSON.parse(plaintext));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async save(session) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the system keychain is not available to protect the backend token');
      await writeOwnerOnlyFileAtomically(file, safeStorage.encryptString(JSON.stringify(session)));
    },
  };
}
