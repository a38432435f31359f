import { PGlite } from '@electric-sql/pglite';
import type { Database, NamedStatement, Queryable } from './database';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in a data folder (or in memory). One connection,
 * so transactions are serialized by PGlite itself, and LISTEN/NOTIFY stays inside this process.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const queryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string | NamedStatement, params: readonly unknown[] = []) {
      const result = await q.query<Row>(typeof sql === 'string' ? sql : sql.text, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    ...queryable(db),
    description: dataDir === null ? 'PGlite (in memory)' : `PGlite (${dataDir})`,
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    async listen(channel, onNotify) {
      const unlisten = await db.listen(channel, () => onNotify());
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async close() {
      await db.close();
    },
  };
}
