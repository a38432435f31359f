/**
 * The one interface the backend uses for storage, implemented by PGlite (embedded, the default)
 * and by node-postgres (a real server through DATABASE_URL). Same SQL for both.
 */
/**
 * A statement that a PostgreSQL server parses and plans once per connection and then reuses: for
 * the hot ones (a sync page, the latest cursor), whose parse and plan cost more than their run.
 * Names are unique per text (see namedStatement). PGlite prepares it with SQL's PREPARE, once.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/** Declares a named statement; a name given to two different texts throws at once. */
export function namedStatement(name: string, text: string): NamedStatement {
  // PGlite prepares it with SQL (`PREPARE name AS ...`), so the name must be a plain identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`a statement name must be a lower-case SQL identifier, not ${JSON.stringify(name)}`);
  const known = statementTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`the statement name ${name} is already used for another text`);
  statementTexts.set(name, text);
  return { name, text };
}
const statementTexts = new Map<string, string>();

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string | NamedStatement, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
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
