import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { AdminUsageError } from './admin-command';

/**
 * The workspace database an admin command works on directly: the PostgreSQL server of
 * DATABASE_URL, or the PGlite folder of a backend started with `--data <dir>`. PGlite is one
 * process's database: stop that backend first (or use the HTTP endpoint instead).
 */
export async function openAdminDatabase(dataDir: string | undefined, env: NodeJS.ProcessEnv): Promise<Database> {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new AdminUsageError('DATABASE_URL must be a postgres:// or postgresql:// URL');
    return openDatabase({ databaseUrl: url, poolSize: 2 });
  }
  if (dataDir === undefined || dataDir.trim() === '') throw new AdminUsageError('say which workspace: --data <dir> (the backend\'s data folder) or DATABASE_URL');
  const folder = join(dataDir, 'pglite');
  // Opening a folder that does not exist would make a new, empty database rather than find the workspace.
  if (!existsSync(folder)) throw new AdminUsageError(`no workspace in ${dataDir}: ${folder} does not exist`);
  return openDatabase({ dataDir: folder });
}
