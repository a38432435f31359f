import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/ipc/sync-status';
import { parseConnectorConfig } from '../../../src-backend/connectors/connector-config';
import { RtConnector } from '../../../src-backend/connectors/request-tracker/rt-connector';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { BackendClient } from '../../../src-main/services/backend-client';
import { SyncEngine } from '../../../src-main/services/sync-engine';
import { createCacheHandlers } from '../../../src-renderer/bridge/cache-handlers';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { enqueueAction } from '../../../src-renderer/db/outbox';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { startInProcessBackend } from '../../support/in-process-backend';
import { refusedPort } from '../../support/refused-port';

/**
 * The backend's helpdesk is down (nothing listens where RT should be): a reply on a ticket linked
 * to it cannot be sent, so it waits in the desktop's outbox, while a ticket filed meanwhile still
 * reaches the desktop's cache, and the status bar says why the action waits.
 */
let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;


beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  const config = parseConnectorConfig(JSON.stringify({ helpdesk: 'request-tracker', url: `http://127.0.0.1:${await refusedPort()}`, user: 'root', queues: { General: 'plan-sla' } }), 'test');
  if (!config.ok) throw new Error(config.error.message);
  const connector = new RtConnector(config.value, 'a-token-rt-never-sees', { timeoutMs: 500 });
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey, connector });
}, 60_000);

afterAll(async () => {
  await backend.close();
  await db.close();
});

it('keeps the action in the outbox and still brings down what changed, saying why it waits', async () => {
  const linked = await backend.center.fileTicket({ accountId: 'acc-gold', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: 'Linked to RT', body: 'Hello', source: 'email' });
  await db.query("INSERT INTO connector_tickets (connector, external_id, ticket_id) VALUES ('request-tracker', '41', $1)", [linked.id]);
  const cache = openAgentCache('helpdesk-down', { indexedDB: new IDBFactory(), IDBKeyRange });
  const client = new BackendClient({ baseUrl: backend.url, token: workspace.tokens.ana, timeoutMs: 10_000 });
  const engine = new SyncEngine({ client, cache: createCacheHandlers(cache), pollIntervalMs: 0, backoff: { baseMs: 60_000, maxMs: 60_000 } });
  const statuses: SyncStatus[] = [];
  engine.onStatus((status) => statuses.push(status));
  engine.start();
  await engine.syncNow();
  await enqueueAction(cache, { kind: 'reply', ticketId: linked.id, body: 'On it.' }, { engineerId: 'eng-ana', engineerName: 'Ana Silva' });
  const later = await backend.center.fileTicket({ accountId: 'acc-plat', requesterName: 'Other', requesterEmail: 'other@example.test', subject: 'Filed while RT is down', body: 'Hi', source: 'email' });
  await engine.syncNow();
  engine.stop();
  expect(await cache.tickets.get(later.id)).toMatchObject({ subject: 'Filed while RT is down' });
  expect((await cache.outbox.toArray()).map((entry) => entry.mutation.kind)).toEqual(['reply']);
  expect(statuses.at(-1)).toMatchObject({ kind: 'error', code: 'unavailable', message: expect.stringContaining('the helpdesk did not take the action') });
  const staff = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1 AND author_kind = 'staff'", [linked.id]);
  expect(staff.rows[0]?.n).toBe(0);
}, 60_000);
