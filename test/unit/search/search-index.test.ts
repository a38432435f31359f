import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { IndexSync } from '../../../src-renderer/search/index-sync';
import { runSearch } from '../../../src-renderer/search/run-search';
import { SearchSession } from '../../../src-renderer/search/search-session';
import { InlineTextIndex } from '../../../src-renderer/search/text-index-port';
import { account, message, openTestCache, page, purge, remove, ticket, upsert } from '../../integration/cache/cache-fixtures';

const NOW = new Date('2026-05-02T10:00:00.000Z');
let db: AgentCache;
let port: InlineTextIndex;
let sync: IndexSync;
let version = 0;

const v = () => ++version;
const apply = (changes: Parameters<typeof page>[0]) => applyBatch(db, page(changes), { now: NOW });
const numbers = async (query: string) => (await runSearch(db, port, query)).map((h) => h.number);

beforeEach(async () => {
  db = openTestCache(`search-${Math.random()}`);
  port = new InlineTextIndex();
  sync = new IndexSync(db, port);
  await apply([
    upsert('account', account('acc-1'), v()),
    upsert('account', account('acc-2'), v()),
    upsert('ticket', ticket('t1', { subject: 'Printer driver crashes' }), v()),
    upsert('ticket', ticket('t2', { subject: 'Invoice question', accountId: 'acc-2' }), v()),
    upsert('message', message('m1', 't1', { body: 'The nightly export to CSV stops at row 65536.' }), v()),
    upsert('message', message('m2', 't2', { accountId: 'acc-2', body: 'Why was I charged twice for the Gold plan?' }), v()),
  ]);
  await sync.reconcile();
});
afterEach(() => db.close());

describe('search over the cache', () => {
  it('finds tickets by subject and by message body, with the ticket number and a highlighted snippet', async () => {
    expect(await numbers('printer')).toEqual([1]);
    const [hit] = await runSearch(db, port, 'charged twice');
    expect(hit).toMatchObject({ number: 2, subject: 'Invoice question', source: { kind: 'message', authorName: 'Grace' } });
    expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['charged', 'twice']);
    expect(await numbers('nothing like this')).toEqual([]);
  });

  it('requires every word in one subject or one message', async () => {
    expect(await numbers('nightly export csv')).toEqual([1]);
    expect(await numbers('printer crashes')).toEqual([1]);
    expect(await numbers('printer export')).toEqual([]);
    expect(await numbers('invoice charged')).toEqual([]);
  });

  it('checks a quoted phrase word for word', async () => {
    expect(await numbers('"export to csv"')).toEqual([1]);
    expect(await numbers('"csv to export"')).toEqual([]);
  });

  it('indexes only what is new on the next pass, and forgets deleted and purged rows', async () => {
    const added = [
      upsert('ticket', ticket('t3', { subject: 'Login loop' }), v()),
      upsert('message', message('m3', 't3', { body: 'Redirect loop after SSO upgrade' }), v()),
      // A later message on an indexed ticket, without the ticket changing.
      upsert('message', message('m4', 't1', { body: 'Also the spooler hangs' }), v()),
    ];
    await apply(added);
    expect(await numbers('spooler')).toEqual([]);
    await sync.reconcile();
    expect(sync.current).toEqual({ state: 'ready', indexed: 7, total: 7 });
    expect(await numbers('spooler')).toEqual([1]);
    expect(await numbers('sso redirect')).toEqual([3]);

    await apply([remove('message', 'm4', v()), purge('acc-2', v())]);
    await sync.reconcile();
    expect(await numbers('spooler')).toEqual([]);
    expect(await numbers('charged')).toEqual([]);
    expect(await numbers('nightly export')).toEqual([1]); // the rest of t1 is still there
    expect(await numbers('printer')).toEqual([1]);
    expect(sync.current.indexed).toBe(4);
  });

  it('finds a reply typed offline (a local message) right away', async () => {
    const me = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };
    const queued = await enqueueAction(db, { kind: 'reply', ticketId: 't1', body: 'Workaround: split the export in two files' }, me, NOW);
    expect(queued.ok).toBe(true);
    await sync.reconcile();
    expect(await numbers('workaround split')).toEqual([1]);
  });
});

describe('SearchSession', () => {
  // Dexie's live queries stay silent where no global IndexedDB exists (Node): give it one. The
  // cache under test keeps its own in-memory database.
  beforeAll(() => {
    Dexie.dependencies.indexedDB ??= new IDBFactory();
    Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;
  });

  it('keeps the index current by itself as pages are applied', async () => {
    const session = new SearchSession(db, async () => ({ port: new InlineTextIndex(), where: 'page' }));
    try {
      await expect.poll(() => session.search('nightly').then((h) => h.map((x) => x.number))).toEqual([1]);
      await apply([upsert('message', message('m9', 't2', { accountId: 'acc-2', body: 'Refund arrived, thanks' }), v())]);
      await expect.poll(() => session.search('refund').then((h) => h.map((x) => x.number))).toEqual([2]);
      await session.idle();
      expect(session.getSnapshot()).toMatchObject({ where: 'page', error: null, progress: { state: 'ready', indexed: 5, total: 5 } });
    } finally {
      session.dispose();
    }
  });
});
