import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedStatement, type Database } from '../../../src-backend/db/database';
import { openPglite } from '../../../src-backend/db/open-pglite';

/** The embedded database on its own thread: what crosses the thread boundary must arrive intact. */
describe('PGlite on its own thread', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
    await db.exec('CREATE TABLE notes (id text PRIMARY KEY, body text NOT NULL, at timestamptz, data bytea)');
  }, 60_000);
  afterAll(() => db?.close());

  it('returns rows with their types: text, timestamps as Dates, bytea as bytes', async () => {
    const at = new Date('2026-11-20T15:00:00.123Z');
    await db.query('INSERT INTO notes VALUES ($1, $2, $3, $4)', ['n1', 'first', at, Buffer.from([1, 2, 255])]);
    const { rows } = await db.query<{ id: string; at: Date; data: Uint8Array }>('SELECT id, at, data FROM notes WHERE id = $1', ['n1']);
    expect(rows[0]?.at).toEqual(at);
    expect([...(rows[0]?.data ?? [])]).toEqual([1, 2, 255]);
  });

  it("keeps PostgreSQL's error fields, so callers can tell a conflict or a deadlock by its code", async () => {
    const error = await db.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['n1', 'again']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', message: expect.stringMatching(/duplicate key/) });
  });

  it('commits a transaction that resolves, and rolls back one that throws, leaving nothing written', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['n2', 'kept']);
    });
    const failure = db.transaction(async (tx) => {
      await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['n3', 'dropped']);
      throw new Error('the work failed');
    });
    await expect(failure).rejects.toThrow('the work failed');
    const { rows } = await db.query<{ id: string }>('SELECT id FROM notes ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['n1', 'n2']);
  });

  it('runs a statement outside a transaction only after the open one has ended', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (t) => {
      await t.query('UPDATE notes SET body = $2 WHERE id = $1', ['n2', 'changed']);
      await held;
    });
    const read = db.query<{ body: string }>('SELECT body FROM notes WHERE id = $1', ['n2']);
    release();
    await tx;
    expect((await read).rows[0]?.body).toBe('changed');
  });

  it('runs a named statement with its arguments quoted, quotes and backslashes included', async () => {
    const echo = namedStatement('test_thread_echo', 'SELECT $1::text AS v, $2::int AS n');
    for (const value of ["it's", 'back\\slash', "'); DROP TABLE notes; --"]) {
      expect((await db.query<{ v: string; n: number }>(echo, [value, 7])).rows[0]).toEqual({ v: value, n: 7 });
    }
    expect((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM notes')).rows[0]?.n).toBe('2');
    await expect(db.query(echo, [{ not: 'text' }, 1])).rejects.toThrow(/takes text, numbers and null/);
  });

  it('hears NOTIFY through LISTEN until it stops listening', async () => {
    let heard = 0;
    const stop = await db.listen('thread_test', () => heard++);
    await db.query("SELECT pg_notify('thread_test', '')");
    await expect.poll(() => heard).toBe(1);
    await stop();
    await db.query("SELECT pg_notify('thread_test', '')");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toBe(1);
  });
});
