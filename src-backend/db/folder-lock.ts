import { open, readFile, unlink } from 'node:fs/promises';

/** Thrown when another live process has the folder open. */
export class FolderInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes writing one data folder corrupt it. The lock is
 * a file next to the folder holding the owner's pid, created exclusively; one left by a process
 * that died is taken over. Resolves to the function that releases it.
 */
export async function lockFolder(folder: string, what: string): Promise<() => Promise<void>> {
  const path = `${folder}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(path).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      const who = owner === process.pid ? 'this process' : `process ${owner}`;
      throw new FolderInUseError(`${what} is open in ${who}: stop it first, or work through its HTTP API (lock file ${path})`);
    }
    // Left by a process that is gone (or half written): take it over.
    await unlink(path).catch(() => undefined);
  }
  throw new FolderInUseError(`${what}: could not take the lock ${path}`);
}
