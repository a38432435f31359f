import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, NamedStatement, Queryable } from './database';
import { lockFolder } from './folder-lock';
import { ensurePrivateFolder, makeTreePrivate } from './owner-only-tree';
import { errorFromData, type PgliteMessage, type PgliteRequest, type PgliteThreadOptions } from './pglite-thread-protocol';

type Request = PgliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in a data folder (or in memory), run on a thread of
 * its own (pglite-thread.ts) so that statements do not stall this thread. One connection, so
 * transactions are serialized by PGlite itself, and LISTEN/NOTIFY stays inside this process.
 *
 * The data folder is this user's alone. It is created 0700 before PGlite starts, which keeps
 * everyone else out of whatever is created inside it, whatever its mode. Modes inside are repaired
 * rather than prevented with a umask: PGlite writes the files of a new database from its image and
 * then chmods them 0666 explicitly, which no umask can stop (and a umask is process-wide and cannot
 * be set from a worker thread). So the tree is made 0700/0600 once PGlite has opened it (covering
 * a new database and data left open by an older version) and again after it is closed;
 * PostgreSQL itself creates what it adds later (WAL segments, relations) 0600 and 0700.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) await ensurePrivateFolder(dataDir);
  const unlock = dataDir === null ? async () => undefined : await lockFolder(dataDir, `the workspace database ${dataDir}`);
  const worker = startThread({ dataDir });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const notifyListeners = new Map<number, () => void>();
  let nextId = 1;
  let gone: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: PgliteMessage) => {
      if (message.kind === 'ready') resolve();
      else if (message.kind === 'failed') reject(errorFromData(message.error));
      else if (message.kind === 'notify') notifyListeners.get(message.listener)?.();
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (pending.size === 0) worker.unref();
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(errorFromData(message.error));
      }
    });
    // A thread that dies takes every open request with it: each is answered, none waits forever.
    const fail = (error: Error) => {
      gone ??= error;
      reject(error);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the database thread exited (code ${code})`)));
  });

  const call = <T>(request: Request): Promise<T> => {
    if (gone !== null) return Promise.reject(gone);
    const id = nextId++;
    // The thread keeps the process alive only while a statement is under way, as PGlite on this
    // thread would: an idle open database does not hold a finished program open.
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  const queryable = (tx?: number): Queryable => ({
    async query<Row>(sql: string | NamedStatement, params: readonly unknown[] = []) {
      const named = typeof sql === 'string' ? { sql } : { sql: sql.text, name: sql.name };
      return { rows: await call<Row[]>({ op: 'query', ...named, params, tx }) };
    },
    async exec(sql: string) {
      await call({ op: 'exec', sql, tx });
    },
  });

  try {
    await ready;
    worker.unref();
    if (dataDir !== null) await makeTreePrivate(dataDir);
  } catch (error) {
    await worker.terminate();
    await unlock();
    throw error;
  }
  return {
    ...queryable(),
    description: dataDir === null ? 'PGlite (in memory)' : `PGlite (${dataDir})`,
    async transaction(work) {
      const tx = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await work(queryable(tx));
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async listen(channel, onNotify) {
      const listener = await call<number>({ op: 'listen', channel });
      notifyListeners.set(listener, onNotify);
      return async () => {
        notifyListeners.delete(listener);
        if (gone === null) await call({ op: 'unlisten', listener });
      };
    },
    async close() {
      if (gone !== null) return unlock();
      await call({ op: 'close' });
      await worker.terminate();
      if (dataDir !== null) await makeTreePrivate(dataDir);
      await unlock();
    },
  };
}

/**
 * The database thread. The desktop app's build puts pglite-thread.js next to the bundle; run from
 * source (tsx, vitest), the thread loads tsx first: a loader registered on this thread (vitest's
 * above all) does not carry over to workers.
 */
function startThread(options: PgliteThreadOptions): Worker {
  const built = new URL('./pglite-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: options });
  const source = new URL('./pglite-thread.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}

/** tsx's ESM API as a file URL, from its package's exports (require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs', pathToFileURL(manifest)).href;
}
