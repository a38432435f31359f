import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The backend's data on disk (the PGlite folder, the data folder holding it and the login-detail
 * key) is this user's alone: folders 0700, files 0600. Windows has no such modes: there the
 * folder's ACLs protect it.
 */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** Any permission for the group or other users. */
export const OTHERS = 0o077;
const modesApply = process.platform !== 'win32';

/** Creates the folder (and missing parents) 0700; tightens it when it exists open to others. */
export async function ensurePrivateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: FOLDER_MODE });
  if (modesApply && ((await lstat(path)).mode & OTHERS) !== 0) await chmod(path, FOLDER_MODE);
}

/**
 * Tightens every folder and file under `root` (and `root`) that others may use: folders to 0700,
 * files to 0600. Links are left alone (chmod would follow them out of the tree).
 */
export async function makeTreePrivate(root: string): Promise<void> {
  if (!modesApply) return;
  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return;
    if ((info.mode & OTHERS) !== 0) await chmod(path, info.isDirectory() ? FOLDER_MODE : FILE_MODE);
    if (info.isDirectory()) for (const entry of await readdir(path)) await visit(join(path, entry));
  };
  await visit(root);
}
