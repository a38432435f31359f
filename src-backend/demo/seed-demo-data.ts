import { OPEN_TICKET_STATUSES } from '@shared/contract';
import type { Database, Queryable } from '../db/database';
import { hashApiToken, newApiToken } from '../security/api-tokens';
import { workspaceIsEmpty } from '../domain/workspace-setup';
import { sealSecret } from '../security/login-detail-cipher';
import { streamDemoData, type DemoDataOptions } from './build-demo-data';
import { bulkInsert } from './bulk-insert';
import { withBulkLoad } from './bulk-load';
import {
  accountTable,
  creditTable,
  engineerTable,
  loginDetailTable,
  messageTable,
  policyTable,
  productTable,
  subscriptionTable,
  ticketTable,
} from './demo-tables';

export interface SeedDemoOptions extends DemoDataOptions {
  /** AES-256-GCM key that seals the demo login details (the service's key). */
  loginDetailKey: Buffer;
}

export interface SeededDemo {
  /** Bearer token of the first engineer (shown once: only its hash is stored). */
  engineerToken: string;
  adminToken: string;
  engineerId: string;
  /** Rows written per kind, and `changes` for the change-log entries. */
  counts: Record<string, number>;
}

/** The tables that receive most rows: their secondary indexes are rebuilt once after loading. */
const BULK_TABLES = ['changes', 'tickets', 'messages', 'login_details', 'credits'];

/**
 * Fills an empty database with a realistic, deterministic workspace (see buildDemoData), in one
 * transaction: either all of it is there or none of it. Every row gets an upsert change whose seq
 * is its version, as the sync engine expects.
 */
export async function seedDemoData(db: Database, options: SeedDemoOptions): Promise<SeededDemo> {
  const stream = streamDemoData(options);
  const { workspace } = stream;
  const engineer = workspace.engineers[0];
  if (engineer === undefined) throw new Error('the demo workspace has no engineers');
  const engineerToken = newApiToken();
  const adminToken = newApiToken();
  const counts = await db.transaction(async (tx) => {
    await requireEmptyWorkspace(tx);
    const counts: Record<string, number> = { policies: 0, engineers: 0, products: 0, accounts: 0, subscriptions: 0, tickets: 0, messages: 0, loginDetails: 0, credits: 0 };
    const add = (name: string, n: number): void => {
      counts[name] = (counts[name] ?? 0) + n;
    };
    let openTickets = 0;
    let lastNumber: number | null = null;
    await withBulkLoad(tx, BULK_TABLES, async () => {
      add('policies', await bulkInsert(tx, policyTable, workspace.policies));
      add('engineers', await bulkInsert(tx, engineerTable, workspace.engineers));
      add('products', await bulkInsert(tx, productTable, workspace.products));
      add('accounts', await bulkInsert(tx, accountTable, workspace.accounts));
      add('subscriptions', await bulkInsert(tx, subscriptionTable, workspace.subscriptions));
      // Generated and written a chunk at a time: a large workspace is never all in memory.
      for (const chunk of stream.ticketChunks()) {
        add('tickets', await bulkInsert(tx, ticketTable, chunk.tickets));
        add('messages', await bulkInsert(tx, messageTable, chunk.messages));
        add('credits', await bulkInsert(tx, creditTable, chunk.credits));
        openTickets += chunk.tickets.filter((t) => OPEN_TICKET_STATUSES.includes(t.status)).length;
        lastNumber = chunk.tickets[chunk.tickets.length - 1]?.number ?? lastNumber;
      }
      const sealed = stream.loginDetails().map((detail) => ({ ...detail, sealed: sealSecret(options.loginDetailKey, detail.secret, detail.id) }));
      add('loginDetails', await bulkInsert(tx, loginDetailTable, sealed));
    });
    // The terminated account: its history was deleted and purged; the row, written after the purge, stays.
    const terminated = workspace.terminatedAccount;
    await tx.query("INSERT INTO changes (seq, entity, entity_id, account_id, op) VALUES (nextval('change_seq'), 'account', $1, $1, 'purge')", [terminated.id]);
    add('accounts', await bulkInsert(tx, accountTable, [terminated]));
    counts.changes = Object.values(counts).reduce((sum, n) => sum + n, 0) + 1;
    counts.openTickets = openTickets;
    await tx.query("INSERT INTO api_tokens (token_hash, engineer_id, role) VALUES ($1, $2, 'engineer'), ($3, NULL, 'admin')", [
      hashApiToken(engineerToken),
      engineer.id,
      hashApiToken(adminToken),
    ]);
    // Tickets filed later through the portal continue after the demo's numbers.
    if (lastNumber !== null) await tx.query("SELECT setval('ticket_number_seq', $1::bigint)", [lastNumber]);
    return counts;
  });
  return { engineerToken, adminToken, engineerId: engineer.id, counts };
}

async function requireEmptyWorkspace(tx: Queryable): Promise<void> {
  if (!(await workspaceIsEmpty(tx))) {
    throw new Error('the database already holds a workspace (policies, tokens, accounts, engineers or tickets): demo data is seeded only into an empty one');
  }
}
