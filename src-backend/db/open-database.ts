import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './open-pglite';
import { openPostgres } from './open-postgres';

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir` (or in memory when that is null too). */
  databaseUrl?: string | null;
  dataDir?: string | null;
  poolSize?: number;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl, options.poolSize) : await openPglite(options.dataDir ?? null);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
