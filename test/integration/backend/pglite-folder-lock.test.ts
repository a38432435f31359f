import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../../src-backend/admin/run-admin-command';
import { openDatabase } from '../../../src-backend/db/open-database';
import { startBackendProcess } from '../../support/backend-process';

/**
 * PGlite is one process's database: a second opener of the same data folder (a second backend, an
 * admin command run with --data while the backend runs) would corrupt it. The second is refused
 * with a message naming the process that has it; a lock left by a process that died is taken over.
 */
describe('one process per PGlite data folder', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pglite-lock-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('refuses a second open in this process until the first is closed, and leaves an owner-only lock', async () => {
    const dataDir = join(folder, 'same-process');
    const first = await openDatabase({ dataDir });
    expect((await stat(`${dataDir}.lock`)).mode & 0o777).toBe(0o600);
    await expect(openDatabase({ dataDir })).rejects.toThrow(`the workspace database ${dataDir} is open in this process`);
    await first.close();
    await expect(stat(`${dataDir}.lock`)).rejects.toThrow(/ENOENT/);
    await (await openDatabase({ dataDir })).close();
  }, 60_000);

  it('takes over a lock whose process is gone', async () => {
    const dataDir = join(folder, 'stale');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${dataDir}.lock`, `${gone.stdout}\n`, { mode: 0o600 });
    const db = await openDatabase({ dataDir });
    const { rows } = await db.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
    await db.close();
  }, 60_000);

  it('refuses an admin command on the folder of a running backend, naming its process', async () => {
    const dataDir = join(folder, 'backend');
    const backend = await startBackendProcess({ dataDir, seed: 3 });
    try {
      await expect(runAdminCommand(['engineers', 'list', '--data', dataDir], {})).rejects.toThrow(
        `the workspace database ${join(dataDir, 'pglite')} is open in process ${String(backend.child.pid)}: stop it first, or work through its HTTP API`,
      );
    } finally {
      await backend.kill();
    }
    // Killed without a chance to release it: the next opener takes the lock over.
    expect(await runAdminCommand(['engineers', 'list', '--data', dataDir], {})).toBeTypeOf('string');
  }, 120_000);
});
