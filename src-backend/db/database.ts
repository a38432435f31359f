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
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (PostgreSQL's LISTEN), from any process on the
   * same database, this one included. Also called after a lost listening connection is back,
   * since notifications sent meanwhile are gone; `onError` hears why it was lost. Resolves to the
   * function that stops listening.
   */
  listen(channel: string, onNotify: () => void, onError?: (error: Error) => void): Promise<() => Promise<void>>;
  /** A human-readable name of where the data lives, for logs. */
  readonly description: string;
  close(): Promise<void>;
}
