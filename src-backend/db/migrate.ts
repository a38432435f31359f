import type { Database } from './database';
import { initialSchema } from './migrations/001-initial-schema';

/** Versioned migrations, applied in order, each once; never edit one that has shipped. */
export const migrations: ReadonlyArray<{ id: number; name: string; sql: string }> = [{ id: 1, name: 'initial schema', sql: initialSchema }];

/** An arbitrary constant: serializes migrations of several instances starting at once. */
const MIGRATION_LOCK = 7_262_026;

export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.id)));
    const ran: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
      ran.push(migration.id);
    }
    return ran;
  });
}
