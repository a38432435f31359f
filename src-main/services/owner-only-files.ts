import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Files the main process keeps (the session and its token, settings, the notifier's index of
 * tickets and customers) are this user's alone: folders 0700, files 0600. What an older version
 * left open to other users is tightened when it is opened again. Windows has no such modes: there
 * the profile folder's ACLs protect them.
 */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
const OTHERS = 0o077;
const modesApply = process.platform !== 'win32';

/** Creates the folder (and missing parents) owner-only; tightens it if it exists open to others. */
export async function ensureOwnerOnlyDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: DIR_MODE });
  if (modesApply && ((await stat(path)).mode & OTHERS) !== 0) await chmod(path, DIR_MODE);
}

/** The file's content, its mode tightened first if others may open it; null when there is no file. */
export async function readOwnerOnlyFile(path: string): Promise<Buffer | null> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    if (modesApply && ((await file.stat()).mode & OTHERS) !== 0) await file.chmod(FILE_MODE);
    return await file.readFile();
  } finally {
    await file.close();
  }
}

/**
 * Writes a new temporary file, owner-only from its first byte, and renames it over `path`: a crash
 * mid-write leaves the old or the new content, never half of it, and the result is 0600 whatever
 * the old file's mode was. `wx`: the temporary name is never an existing file or a planted link.
 * A missing folder is created owner-only.
 */
export async function writeOwnerOnlyFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data, { mode: FILE_MODE, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    // EEXIST: the name was taken, and what is there is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temporary, { force: true });
    throw error;
  }
}
