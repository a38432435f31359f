import type { Queryable } from '../db/database';

/**
 * Runs `load` inside the caller's transaction with PostgreSQL's usual bulk-loading shortcuts
 * (what pg_restore does): secondary indexes of `tables` are dropped first and rebuilt once at the
 * end (one sort instead of a B-tree insertion per row), and, when the role may, foreign-key
 * triggers are skipped for this transaction only (`SET LOCAL session_replication_role`), because
 * the loader writes rows whose references it built itself. Primary keys, unique and CHECK
 * constraints stay in force. The dropped indexes block other sessions' use of those tables until
 * commit, so run it before serving traffic.
 */
export async function withBulkLoad<T>(tx: Queryable, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { rows: indexes } = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  const { rows: role } = await tx.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  if (role[0]?.superuser === true) await tx.query('SET LOCAL session_replication_role = replica');
  const result = await load();
  if (role[0]?.superuser === true) await tx.query('SET LOCAL session_replication_role = origin');
  for (const index of indexes) await tx.query(index.definition);
  return result;
}
