import { afterEach, describe, expect, it } from 'vitest';
import type { SyncChange } from '@shared/contract';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import type { AgentCache } from '../../../src-renderer/db/cache-database';
import { cacheSnapshot, canonicalHash, canonicalJson, snapshotOf } from '../../../src-renderer/db/canonical-hash';
import { account, credit, loginDetail, message, openTestCache, page, ticket, upsert } from './cache-fixtures';

const NOW = new Date('2026-05-02T00:00:00.000Z');
const opened: AgentCache[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function content(): SyncChange[] {
  return [
    upsert('account', account('acc-1'), 1),
    upsert('ticket', ticket('t2', { checklistAnswers: { dataNotModified: false, codeNotCustomized: true } }), 2),
    upsert('ticket', ticket('t1'), 3),
    upsert('message', message('m1', 't1'), 4),
    upsert('message', message('m2', 't2'), 5),
    upsert('loginDetail', loginDetail('l1', 't1'), 6),
    upsert('credit', credit('c1', 't1'), 7),
  ];
}

async function cacheWith(pages: SyncChange[][]): Promise<AgentCache> {
  const db = openTestCache(`hash-${opened.length}`);
  opened.push(db);
  for (const changes of pages) await applyBatch(db, page(changes), { now: NOW });
  return db;
}

describe('canonical hash', () => {
  it('is the same for the same content inserted in different orders and pages', async () => {
    const changes = content();
    const forwards = await cacheWith([changes]);
    const backwards = await cacheWith([[...changes].reverse()]);
    const oneByOne = await cacheWith(changes.map((c) => [c]));
    const hash = await canonicalHash(await cacheSnapshot(forwards));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await canonicalHash(await cacheSnapshot(backwards))).toBe(hash);
    expect(await canonicalHash(await cacheSnapshot(oneByOne))).toBe(hash);
  });

  it('equals the hash of the same rows as the backend would list them (snapshotOf)', async () => {
    const db = await cacheWith([content()]);
    const fromServer = snapshotOf(content().flatMap((c) => (c.op === 'upsert' ? [{ entity: c.entity, id: c.id, version: c.version, row: c.row }] : [])));
    expect(await cacheSnapshot(db)).toEqual(fromServer);
    expect(await canonicalHash(fromServer)).toBe(await canonicalHash(await cacheSnapshot(db)));
  });

  it('differs when a field, a version or a row differs', async () => {
    const hashOf = async (changes: SyncChange[]) => canonicalHash(await cacheSnapshot(await cacheWith([changes])));
    const withT1 = (change: SyncChange) => content().map((c) => (c.op === 'upsert' && c.entity === 'ticket' && c.id === 't1' ? change : c));
    const hashes = await Promise.all([
      hashOf(content()),
      hashOf(withT1(upsert('ticket', ticket('t1', { urgent: true }), 3))),
      hashOf(withT1(upsert('ticket', ticket('t1'), 30))),
      hashOf([...content(), upsert('message', message('m3', 't1'), 8)]),
    ]);
    expect(new Set(hashes).size).toBe(4);
  });

  it('stays the same when a page repeats a version with other content: the cache keeps the first', async () => {
    const base = await canonicalHash(await cacheSnapshot(await cacheWith([content()])));
    const repeated = await cacheWith([content(), [upsert('ticket', ticket('t1', { urgent: true }), 3)]]);
    expect(await canonicalHash(await cacheSnapshot(repeated))).toBe(base);
  });

  it('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, b: null } })).toBe('{"a":{"b":null,"d":[3,1]},"b":1}');
  });
});
