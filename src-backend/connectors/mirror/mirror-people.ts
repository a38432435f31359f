import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/database';
import { recordChange } from '../../domain/change-log';
import type { HelpdeskPerson } from '../helpdesk-connector';

/** A person's address, or a stand-in that names the helpdesk user (a helpdesk may keep users without one). */
export function addressOf(connector: string, person: HelpdeskPerson): string {
  return person.email ?? `${connector}-user-${person.externalId}@unknown.invalid`;
}

async function linkUser(tx: Queryable, connector: string, person: HelpdeskPerson, link: { account_id?: string; engineer_id?: string }): Promise<void> {
  const column = link.account_id !== undefined ? 'account_id' : 'engineer_id';
  await tx.query(
    `INSERT INTO connector_users (connector, external_id, email, ${column}) VALUES ($1, $2, $3, $4)
     ON CONFLICT (connector, external_id) DO UPDATE SET email = EXCLUDED.email, ${column} = EXCLUDED.${column}`,
    [connector, person.externalId, person.email, link.account_id ?? link.engineer_id],
  );
}

/**
 * The account a requester's tickets belong to: the one whose holder has the requester's address
 * (accounts come from the billing import), else a new account without a subscription, whose
 * tickets show as not entitled. Linked to the helpdesk user either way.
 */
export async function accountFor(tx: Queryable, connector: string, person: HelpdeskPerson): Promise<string> {
  const email = addressOf(connector, person);
  const linked = await tx.query<{ id: string }>(
    `SELECT a.id FROM connector_users u JOIN accounts a ON a.id = u.account_id WHERE u.connector = $1 AND u.external_id = $2 AND a.status = 'active'`,
    [connector, person.externalId],
  );
  if (linked.rows[0] !== undefined) return linked.rows[0].id;
  const known = await tx.query<{ id: string }>("SELECT id FROM accounts WHERE lower(holder_email) = lower($1) ORDER BY status = 'active' DESC, id LIMIT 1", [email]);
  let id = known.rows[0]?.id;
  if (id === undefined) {
    id = `acct-${randomBytes(6).toString('hex')}`;
    const version = await recordChange(tx, { entity: 'account', id, accountId: id, op: 'upsert' });
    await tx.query("INSERT INTO accounts (id, holder_name, holder_email, organization, status, version) VALUES ($1, $2, $3, $4, 'active', $5)", [
      id, person.name, email, person.organization, version,
    ]);
  }
  await linkUser(tx, connector, person, { account_id: id });
  return id;
}

/**
 * The engineer a helpdesk staff user is, by address; one with no engineer yet becomes one, without
 * a token (an admin issues it when the person starts using the app). Null for staff without an address.
 */
export async function engineerFor(tx: Queryable, connector: string, person: HelpdeskPerson): Promise<{ id: string; name: string } | null> {
  const linked = await tx.query<{ id: string; name: string }>(
    'SELECT e.id, e.name FROM connector_users u JOIN engineers e ON e.id = u.engineer_id WHERE u.connector = $1 AND u.external_id = $2',
    [connector, person.externalId],
  );
  if (linked.rows[0] !== undefined) return linked.rows[0];
  if (person.email === null) return null;
  const known = await tx.query<{ id: string; name: string }>('SELECT id, name FROM engineers WHERE lower(email) = lower($1)', [person.email]);
  let engineer = known.rows[0];
  if (engineer === undefined) {
    engineer = { id: `eng-${randomBytes(6).toString('hex')}`, name: person.name };
    const version = await recordChange(tx, { entity: 'engineer', id: engineer.id, accountId: null, op: 'upsert' });
    await tx.query('INSERT INTO engineers (id, name, email, version) VALUES ($1, $2, $3, $4)', [engineer.id, engineer.name, person.email, version]);
  }
  await linkUser(tx, connector, person, { engineer_id: engineer.id });
  return engineer;
}
