import type { Queryable } from '../db/database';
import { RequestError } from '../support-center';
import { recordChange, recordPurge } from './change-log';

/** The account as termination found it and left it, by ids, for the audit log: nothing of the deleted rows' content. */
export interface Termination {
  before: { status: string; tickets: string[]; loginDetails: string[]; subscriptions: string[] };
  after: { status: 'terminated'; tickets: []; loginDetails: []; subscriptions: [] };
}

/**
 * Termination by the vendor forfeits the account's whole support history: tickets, messages, login
 * details, credits and subscriptions are deleted here, and a purge tells every client to do the same.
 * The account row stays, marked terminated, so the app can say why the history is gone.
 */
export async function terminateAccount(tx: Queryable, accountId: string): Promise<Termination> {
  // NO KEY UPDATE: a customer's message on one of its tickets holds the ticket and then checks the
  // account as a foreign key (KEY SHARE), which must not wait for us while we wait for its ticket.
  const { rows } = await tx.query<{ status: string }>('SELECT status FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [accountId]);
  if (rows[0] === undefined) throw new RequestError(404, 'not-found', `account ${accountId} does not exist`, 'id');
  // Tickets, then their login details, each in the one order every other writer locks them in,
  // before the cascade below deletes them in whatever order it finds them.
  const tickets = await tx.query<{ id: string }>('SELECT id FROM tickets WHERE account_id = $1 ORDER BY id COLLATE "C" FOR UPDATE', [accountId]);
  const details = await tx.query<{ id: string }>('SELECT id FROM login_details WHERE account_id = $1 ORDER BY id COLLATE "C" FOR UPDATE', [accountId]);
  // Children first: tickets cascade to messages, login details and credits.
  await tx.query('DELETE FROM tickets WHERE account_id = $1', [accountId]);
  const subscriptions = await tx.query<{ id: string }>('DELETE FROM subscriptions WHERE account_id = $1 RETURNING id', [accountId]);
  await recordPurge(tx, accountId);
  const version = await recordChange(tx, { entity: 'account', id: accountId, accountId, op: 'upsert' });
  await tx.query("UPDATE accounts SET status = 'terminated', version = $2 WHERE id = $1", [accountId, version]);
  const ids = (result: { rows: { id: string }[] }) => result.rows.map((row) => row.id);
  return {
    before: { status: rows[0].status, tickets: ids(tickets), loginDetails: ids(details), subscriptions: ids(subscriptions).sort() },
    after: { status: 'terminated', tickets: [], loginDetails: [], subscriptions: [] },
  };
}
