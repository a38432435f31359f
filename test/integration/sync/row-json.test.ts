import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityNames } from '@shared/contract';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { entityTables, rowJsonSql, rowMappers } from '../../../src-backend/domain/row-mappers';
import type { SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets } from '../../fixtures/test-databases';

for (const target of testDatabaseTargets) {
  if (target.skipReason !== null) console.warn(`row JSON suite on ${target.name} skipped: ${target.skipReason}`);
  describe.skipIf(target.skipReason !== null)(`rows written as JSON by ${target.name}`, () => suite(target));
}

/** Sync pages are JSON the database writes; it must be exactly the row the JavaScript mapper makes. */
function suite(target: (typeof testDatabaseTargets)[number]): void {
  let db: Database;
  let drop: () => Promise<void>;
  let center: SupportCenter;
  let now = new Date('2026-11-23T15:00:00.123Z');

  beforeAll(async () => {
    ({ db, drop } = await target.open());
    const workspace = await createSmallWorkspace(db);
    center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0, clock: () => now });
    const awkward = 'Quotes " and \\ backslashes, a tab\there, a newline\nthere, ü, 日本, 😀, and </script>';
    const ticket = await center.fileTicket({ accountId: 'acc-gold', requesterName: 'Zoë "Z" O\'Neil', requesterEmail: 'zoe@gold.test', subject: awkward, body: awkward, urgent: true, source: 'portal' });
    await center.addCustomerMessage(ticket.id, `${awkward} again`);
    await center.submitLoginDetail(ticket.id, { label: 'Admin "panel"', secret: 'hunter2' });
    await center.fileTicket({ accountId: 'acc-scope', requesterName: 'Sam', requesterEmail: 'sam@scope.test', subject: 'Plain', body: 'Plain', source: 'email' });
    now = new Date('2026-11-24T16:30:00.456Z'); // late: a credit is owed
    await center.applyMutations({ role: 'engineer', engineerId: 'eng-ana' }, { mutations: [{ kind: 'reply', idempotencyKey: 'late-reply', ticketId: ticket.id, body: 'Late' }] });
  }, 60_000);

  afterAll(async () => {
    await center.close();
    await db.close();
    await drop();
  });

  it.each(entityNames)('%s: the same row as the mapper, field for field', async (entity) => {
    const { table, columns } = entityTables[entity];
    const { rows } = await db.query<Record<string, unknown> & { sync_json: string }>(`SELECT ${rowJsonSql(entity, 'r')} AS sync_json, ${columns.split(', ').map((c) => (c === '*' ? 'r.*' : `r.${c}`)).join(', ')} FROM ${table} r`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(JSON.parse(row.sync_json)).toStrictEqual(rowMappers[entity](row));
  });
}
