/**
 * The one interface the backend uses for storage, implemented by PGlite (embedded, the default)
 * and by node-postgres (a real server through DATABASE_URL). Same SQL for both.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Runs statements that take no parameters (schema migrations), several per string. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A human-readable name of where the data lives, for logs. */
  readonly description: string;
  close(): Promise<void>;
}
