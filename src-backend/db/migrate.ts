import type { Database } from './database';
import { initialSchema } from './migrations/001-initial-schema';
import { scaleOutSchema } from './migrations/002-scale-out';
import { firstSyncOrderSchema } from './migrations/003-first-sync-order';
import { workspaceIdentitySchema } from './migrations/004-workspace-identity';
import { revealAuditEveryAttemptSchema } from './migrations/005-reveal-audit-every-attempt';
import { policyVersionsSchema } from './migrations/006-policy-versions';
import { administrationSchema } from './migrations/007-administration';
import { helpdeskConnectorSchema } from './migrations/008-helpdesk-connector';
import { mirrorLeaseSchema } from './migrations/009-mirror-lease';
import { writebackAttemptsSchema } from './migrations/010-writeback-attempts';

/** Versioned migrations, applied in order, each once; never edit one that has shipped. */
export const migrations: ReadonlyArray<{ id: number; name: string; sql: string }> = [
  { id: 1, name: 'initial schema', sql: initialSchema },
  { id: 2, name: 'per-engineer idempotency keys, retention runs', sql: scaleOutSchema },
  { id: 3, name: 'index of open tickets by account, for the first sync', sql: firstSyncOrderSchema },
  { id: 4, name: 'workspace identity', sql: workspaceIdentitySchema },
  { id: 5, name: 'reveal audit of every attempt', sql: revealAuditEveryAttemptSchema },
  { id: 6, name: 'policy versions; the version of each ticket', sql: policyVersionsSchema },
  { id: 7, name: 'engineers disabled, token lifecycle, sign-in codes, audit log', sql: administrationSchema },
  { id: 8, name: 'helpdesk connector: state, links, mirrored entries, write-backs', sql: helpdeskConnectorSchema },
  { id: 9, name: 'helpdesk mirror: the mark\'s ticket id, one mirror at a time', sql: mirrorLeaseSchema },
  { id: 10, name: 'write-back attempts: when the current one started', sql: writebackAttemptsSchema },
];

/** The schema version this code needs: readiness waits for it. */
export const LATEST_MIGRATION = Math.max(...migrations.map((m) => m.id));

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

/** Whether the database holds every migration this code knows (readiness). */
export async function isMigrated(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ latest: number | null }>('SELECT max(id) AS latest FROM schema_migrations');
  return Number(rows[0]?.latest ?? 0) >= LATEST_MIGRATION;
}
