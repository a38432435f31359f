import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { errorData, type PgliteMessage, type PgliteRequest, type PgliteThreadOptions } from './pglite-thread-protocol';

/**
 * The embedded database's own thread. PGlite runs PostgreSQL compiled to WebAssembly
 * synchronously: on the backend's thread every statement would stall HTTP (and, in the desktop
 * app, the main process) for its whole run. Here statements run while the other thread serves,
 * which also puts the machine's second core to work on a first sync.
 */

const port = parentPort as NonNullable<typeof parentPort>;
const post = (message: PgliteMessage) => port.postMessage(message);

/** An open transaction: PGlite's handle, and how to end it (commit or roll back). */
interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean, replyId: number) => void;
}

/** Thrown inside PGlite's transaction callback to have it roll back. */
const ROLLBACK = Symbol('rollback');

async function serve(db: PGlite): Promise<void> {
  const transactions = new Map<number, OpenTransaction>();
  const listeners = new Map<number, () => Promise<void>>();
  let nextId = 1;
  const reply = (id: number, run: () => Promise<unknown>) =>
    run().then(
      (value) => post({ kind: 'reply', id, ok: true, value }),
      (error: unknown) => post({ kind: 'reply', id, ok: false, error: errorData(error) }),
    );
  const target = (tx: number | undefined): Pick<PGlite, 'query' | 'exec'> => {
    if (tx === undefined) return db;
    const open = transactions.get(tx);
    if (open === undefined) throw new Error(`transaction ${tx} is not open`);
    return open.tx;
  };

  /**
   * A named statement, prepared (parsed and planned) once: `EXECUTE name($1, ...)`. A statement
   * that fails to prepare is not remembered, so the error comes again with the next call.
   */
  const statements = new Map<string, Promise<void>>();
  const prepared = async (on: Pick<PGlite, 'query'>, name: string, sql: string, params: readonly unknown[]): Promise<string> => {
    let ready = statements.get(name);
    if (ready === undefined) {
      ready = on.query(`PREPARE ${name} AS ${sql}`).then(() => undefined);
      statements.set(name, ready);
      ready.catch(() => statements.delete(name));
    }
    await ready;
    // EXECUTE takes no bind parameters of its own: its arguments are written as literals.
    return params.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${params.map(sqlLiteral).join(', ')})`;
  };

  const begin = (id: number): void => {
    const txId = nextId++;
    let endReply = 0;
    db.transaction(async (tx) => {
      const commit = await new Promise<boolean>((resolve) => {
        transactions.set(txId, { tx, end: (yes, replyId) => ((endReply = replyId), resolve(yes)) });
        post({ kind: 'reply', id, ok: true, value: txId });
      });
      if (!commit) throw ROLLBACK;
    }).then(
      () => post({ kind: 'reply', id: endReply, ok: true, value: null }),
      (error: unknown) => {
        if (error === ROLLBACK) post({ kind: 'reply', id: endReply, ok: true, value: null });
        else if (endReply === 0) post({ kind: 'reply', id, ok: false, error: errorData(error) });
        else post({ kind: 'reply', id: endReply, ok: false, error: errorData(error) });
      },
    ).finally(() => transactions.delete(txId));
  };

  port.on('message', (request: PgliteRequest) => {
    switch (request.op) {
      case 'query':
        return void reply(request.id, async () => {
          const on = target(request.tx);
          if (request.name === undefined) return (await on.query(request.sql, [...request.params])).rows;
          return (await on.query(await prepared(on, request.name, request.sql, request.params))).rows;
        });
      case 'exec':
        return void reply(request.id, async () => void (await target(request.tx).exec(request.sql)));
      case 'begin':
        return begin(request.id);
      case 'end': {
        const open = transactions.get(request.tx);
        if (open === undefined) return void reply(request.id, () => Promise.reject(new Error(`transaction ${request.tx} is not open`)));
        return open.end(request.commit, request.id);
      }
      case 'listen':
        return void reply(request.id, async () => {
          const listener = nextId++;
          listeners.set(listener, await db.listen(request.channel, () => post({ kind: 'notify', listener })));
          return listener;
        });
      case 'unlisten':
        return void reply(request.id, async () => {
          const stop = listeners.get(request.listener);
          listeners.delete(request.listener);
          if (stop !== undefined && !db.closed) await stop();
        });
      case 'close':
        return void reply(request.id, async () => {
          if (!db.closed) await db.close();
        }).then(() => port.close());
    }
  });
}

async function open({ dataDir }: PgliteThreadOptions): Promise<void> {
  try {
    const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
    await db.waitReady;
    await serve(db);
    post({ kind: 'ready' });
  } catch (error) {
    post({ kind: 'failed', error: errorData(error) });
  }
}

void open(workerData as PgliteThreadOptions);

/**
 * A named statement's argument as an SQL literal. Named statements take ids, cursors and limits:
 * text, numbers and null. Text is quoted the standard way (standard_conforming_strings is on, so a
 * backslash is an ordinary character); anything else is refused rather than guessed at.
 */
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new TypeError(`a named statement takes text, numbers and null, not ${typeof value}`);
}
