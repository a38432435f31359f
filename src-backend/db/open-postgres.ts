import pg from 'pg';
import type { Database, NamedStatement, Queryable } from './database';
import { listenPostgres } from './listen-postgres';

// Instants come back as JavaScript Dates and bigints (versions, lateness) as numbers: versions stay
// far below 2^53, and a lossy parse would be caught by the contract's integer schemas.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A pool of connections to a real PostgreSQL server, plus one connection per LISTEN. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // No JIT: its compile time (tens of milliseconds) dwarfs the short statements this server runs,
  // a sync page above all, and PostgreSQL turns it on by cost estimate alone.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle pooled connection the server drops (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  // Fail now, with the server's own words, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const queryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string | NamedStatement, params: readonly unknown[] = []) {
      const result = typeof sql === 'string' ? await q.query(sql, params as unknown[]) : await q.query({ name: sql.name, text: sql.text, values: params as unknown[] });
      return { rows: result.rows as Row[] };
    },
    async exec(sql: string) {
      // Without parameters node-postgres uses the simple protocol, which takes several statements.
      await q.query(sql);
    },
  });
  const listeners = new Set<() => Promise<void>>();
  return {
    ...queryable(pool),
    description: `PostgreSQL (${new URL(url).host})`,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify, onError) {
      const stop = await listenPostgres(url, channel, onNotify, onError ?? (() => undefined));
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      listeners.clear();
      await pool.end();
    },
  };
}
