import type { AccountRow, ProductRow, SubscriptionRow } from '@shared/contract';
import { firstPolicyVersion, presets, type SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { hashApiToken, newApiToken } from '../security/api-tokens';
import { recordChange } from './change-log';

/**
 * Setting up a workspace row by row: the presets, engineers with tokens, accounts, products and
 * subscriptions. The demo generator bulk-loads the same tables for speed; tests and small
 * deployments use these.
 */

/** A new workspace policy, as its version 1; later versions go through policy-versions. */
async function installPolicy(tx: Queryable, policy: SupportPolicy): Promise<void> {
  const version = await recordChange(tx, { entity: 'policy', id: policy.id, accountId: null, op: 'upsert' });
  await tx.query('INSERT INTO policies (id, policy, versions, version) VALUES ($1, $2, $3, $4)', [
    policy.id, JSON.stringify(policy), JSON.stringify([firstPolicyVersion(policy)]), version,
  ]);
}

/** Whether nothing has been set up yet: no policy, token, engineer, account or ticket. */
export async function workspaceIsEmpty(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM policies) OR EXISTS (SELECT 1 FROM api_tokens) OR EXISTS (SELECT 1 FROM engineers)
       OR EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM tickets) AS used`,
  );
  return rows[0]?.used === false;
}

/** An arbitrary constant: instances starting at once on an empty database set it up once. */
const SET_UP_LOCK = 7_262_027;

/**
 * The first start on an empty database: the two policy presets become the workspace's own policy
 * copies, and one admin token is issued, returned here and nowhere else. Null when the workspace
 * was already set up (by an earlier start, or by another instance starting at the same time).
 */
export async function setUpWorkspace(tx: Queryable): Promise<string | null> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [SET_UP_LOCK]);
  if (!(await workspaceIsEmpty(tx))) return null;
  await installPresetPolicies(tx);
  return issueToken(tx, { role: 'admin' }, { label: 'first admin token' });
}

export async function installPresetPolicies(tx: Queryable): Promise<void> {
  await installPolicy(tx, presets.planSla());
  await installPolicy(tx, presets.subscriptionScope());
}

/** Issues a token; only its hash is stored, so the returned plaintext is the one copy. */
export async function issueToken(
  tx: Queryable,
  grant: { role: 'engineer'; engineerId: string } | { role: 'admin' },
  options: { label?: string; expiresAt?: string } = {},
): Promise<string> {
  const token = newApiToken();
  await tx.query('INSERT INTO api_tokens (token_hash, engineer_id, role, label, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    hashApiToken(token),
    grant.role === 'engineer' ? grant.engineerId : null,
    grant.role,
    options.label ?? null,
    options.expiresAt ?? null,
  ]);
  return token;
}

export async function createEngineer(tx: Queryable, engineer: { id: string; name: string; email: string }): Promise<string> {
  const version = await recordChange(tx, { entity: 'engineer', id: engineer.id, accountId: null, op: 'upsert' });
  await tx.query('INSERT INTO engineers (id, name, email, version) VALUES ($1, $2, $3, $4)', [engineer.id, engineer.name, engineer.email, version]);
  return issueToken(tx, { role: 'engineer', engineerId: engineer.id });
}

export async function createAccount(tx: Queryable, account: Omit<AccountRow, 'status'>): Promise<void> {
  const version = await recordChange(tx, { entity: 'account', id: account.id, accountId: account.id, op: 'upsert' });
  await tx.query("INSERT INTO accounts (id, holder_name, holder_email, organization, status, version) VALUES ($1, $2, $3, $4, 'active', $5)", [
    account.id, account.holderName, account.holderEmail, account.organization, version,
  ]);
}

export async function createProduct(tx: Queryable, product: ProductRow): Promise<void> {
  const version = await recordChange(tx, { entity: 'product', id: product.id, accountId: null, op: 'upsert' });
  await tx.query('INSERT INTO products (id, name, latest_stable_version, discontinued, version) VALUES ($1, $2, $3, $4, $5)', [
    product.id, product.name, product.latestStableVersion, product.discontinued, version,
  ]);
}

export async function createSubscription(tx: Queryable, s: SubscriptionRow): Promise<void> {
  const version = await recordChange(tx, { entity: 'subscription', id: s.id, accountId: s.accountId, op: 'upsert' });
  await tx.query(
    `INSERT INTO subscriptions (id, account_id, policy_id, initial_plan, plan, monthly_price_cents, anchor, time_zone, changes,
       pending_downgrade, cancel_requested_at, cancel_at, free_term, entitlement_events, entitlement_windows, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [s.id, s.accountId, s.policyId, s.initialPlan, s.plan, s.monthlyPriceCents, s.anchor, s.timeZone, JSON.stringify(s.changes),
      s.pendingDowngrade === null ? null : JSON.stringify(s.pendingDowngrade), s.cancelRequestedAt, s.cancelAt,
      s.freeTerm === null ? null : JSON.stringify(s.freeTerm), JSON.stringify(s.entitlementEvents), JSON.stringify(s.entitlementWindows), version],
  );
}
