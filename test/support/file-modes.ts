import { lstat, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every folder and file under `root` (`root` itself as `.`), with its kind and permission bits:
 * `{ '.': 'folder 700', 'pglite/PG_VERSION': 'file 600' }`.
 */
export async function modesUnder(root: string): Promise<Record<string, string>> {
  const modes: Record<string, string> = {};
  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path);
    const kind = info.isDirectory() ? 'folder' : info.isSymbolicLink() ? 'link' : 'file';
    modes[relative(root, path) || '.'] = `${kind} ${(info.mode & 0o777).toString(8)}`;
    if (info.isDirectory()) for (const entry of await readdir(path)) await visit(join(path, entry));
  };
  await visit(root);
  return modes;
}

/** The entries that others may use: anything but a folder 700 or a file 600 (empty when all is owner-only). */
export function openToOthers(modes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(modes).filter(([, mode]) => mode !== 'folder 700' && mode !== 'file 600'));
}
