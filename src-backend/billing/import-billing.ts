import type { AccountRow, BillingImportSummary, SubscriptionRow } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import type { PolicyCache } from '../domain/policy-cache';
import { rederiveSubscriptionTickets } from '../domain/rederive-tickets';
import { rowMappers } from '../domain/row-mappers';
import { RequestError } from '../support-center';
import { groupBillingRows, type GroupedRows } from './group-billing-rows';
import { readBillingRows } from './read-billing-rows';
import { RowErrors } from './row-errors';
import { subscriptionFromHistory } from './subscription-from-history';
import { writeAccount, writeSubscription, type WriteOutcome } from './write-billing-rows';

/** One row the import wrote, as it was and as it is now: what an audit trail records. */
export type ImportedChange =
  | { entity: 'account'; id: string; before: AccountRow | null; after: AccountRow }
  | { entity: 'subscription'; id: string; before: SubscriptionRow | null; after: SubscriptionRow };

export interface BillingImportOptions {
  /** The import's clock: the plan and price "now", and the instant no event may lie after. */
  now: Date;
  /** Called in the import's transaction at its end, with what it changed, if anything (the audit hook: every import is recorded). */
  onImported?: (tx: Queryable, imported: { summary: BillingImportSummary; changes: ImportedChange[] }) => Promise<void>;
}

type StoredRows = Map<string, Record<string, unknown>>;

/** Rows of `table` with these ids, locked for the rest of the import. */
async function lockRows(tx: Queryable, table: 'accounts' | 'subscriptions', ids: Iterable<string>): Promise<StoredRows> {
  const { rows } = await tx.query(`SELECT * FROM ${table} WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id COLLATE "C" FOR UPDATE`, [JSON.stringify([...ids])]);
  return new Map(rows.map((row) => [String(row.id), row]));
}

/** The workspace policies the file names, as in force `now`; an unknown one is an error on each line naming it. */
async function policiesOf(tx: Queryable, cache: PolicyCache, grouped: GroupedRows, errors: RowErrors, now: Date): Promise<Map<string, SupportPolicy>> {
  const found = new Map<string, SupportPolicy>();
  for (const { start } of grouped.subscriptions.values()) {
    if (found.has(start.policy)) continue;
    try {
      found.set(start.policy, (await cache.inForce(tx, start.policy, now.toISOString())).policy);
    } catch (error) {
      if (!(error instanceof RequestError) || error.status !== 404) throw error;
      errors.add(start.line, 'policy', `no policy ${start.policy} in this workspace`);
    }
  }
  return found;
}

/** Account and subscription ids checked against the workspace: known, active, not moved between accounts. */
function checkAgainstWorkspace(grouped: GroupedRows, accounts: StoredRows, subscriptions: StoredRows, errors: RowErrors): void {
  for (const row of grouped.accounts.values()) {
    if (accounts.get(row.account_id)?.status === 'terminated') errors.add(row.line, 'account_id', `account ${row.account_id} is terminated`);
  }
  for (const { start } of grouped.subscriptions.values()) {
    const account = accounts.get(start.account_id);
    if (account === undefined && !grouped.accounts.has(start.account_id)) {
      errors.add(start.line, 'account_id', `no account ${start.account_id}: neither in this file nor in the workspace`);
    } else if (account?.status === 'terminated') {
      errors.add(start.line, 'account_id', `account ${start.account_id} is terminated`);
    }
    const owner = subscriptions.get(start.subscription_id)?.account_id;
    if (owner !== undefined && owner !== start.account_id) {
      errors.add(start.line, 'account_id', `subscription ${start.subscription_id} belongs to account ${String(owner)} in the workspace; a subscription does not move between accounts`);
    }
  }
}

const emptyCounts = (): BillingImportSummary['accounts'] => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Imports a billing export (docs/billing-import.md) in the caller's transaction: every row is
 * checked first and any error refuses the whole file (BillingImportRejected, nothing written);
 * otherwise accounts and subscriptions are created or updated, rows that say what is stored are
 * left alone (so importing the same file again changes nothing), and the tickets of every changed
 * subscription are derived again (plan, due instant, outcome, eligibility, credit).
 */
export async function importBilling(tx: Queryable, policies: PolicyCache, csv: string, options: BillingImportOptions): Promise<BillingImportSummary> {
  const rows = readBillingRows(csv);
  const errors = new RowErrors();
  const grouped = groupBillingRows(rows, options.now, errors);
  const accountIds = new Set([...grouped.accounts.keys(), ...[...grouped.subscriptions.values()].map((h) => h.start.account_id)]);
  const storedAccounts = await lockRows(tx, 'accounts', accountIds);
  const storedSubscriptions = await lockRows(tx, 'subscriptions', grouped.subscriptions.keys());
  checkAgainstWorkspace(grouped, storedAccounts, storedSubscriptions, errors);
  const policyById = await policiesOf(tx, policies, grouped, errors, options.now);
  const built: SubscriptionRow[] = [];
  for (const history of grouped.subscriptions.values()) {
    const policy = policyById.get(history.start.policy);
    const row = policy === undefined || history.broken ? null : subscriptionFromHistory(history, policy, options.now, errors);
    if (row !== null) built.push(row);
  }
  errors.throwIfAny();

  const summary: BillingImportSummary = { accounts: emptyCounts(), subscriptions: emptyCounts(), ticketsRederived: 0, credits: { created: 0, updated: 0, deleted: 0 } };
  const changes: ImportedChange[] = [];
  const count = (counts: BillingImportSummary['accounts'], outcome: WriteOutcome): boolean => {
    counts[outcome] += 1;
    return outcome !== 'unchanged';
  };
  for (const row of grouped.accounts.values()) {
    const account = { id: row.account_id, holderName: row.holder_name, holderEmail: row.holder_email, organization: row.organization ?? null };
    const stored = storedAccounts.get(account.id);
    if (count(summary.accounts, await writeAccount(tx, account, stored))) {
      changes.push({ entity: 'account', id: account.id, before: stored === undefined ? null : rowMappers.account(stored), after: { ...account, status: 'active' } });
    }
  }
  for (const subscription of built) {
    const stored = storedSubscriptions.get(subscription.id);
    if (!count(summary.subscriptions, await writeSubscription(tx, subscription, stored))) continue;
    changes.push({ entity: 'subscription', id: subscription.id, before: stored === undefined ? null : rowMappers.subscription(stored), after: subscription });
    const rederived = await rederiveSubscriptionTickets(tx, policies, subscription.id, options.now);
    summary.ticketsRederived += rederived.tickets;
    for (const key of ['created', 'updated', 'deleted'] as const) summary.credits[key] += rederived.credits[key];
  }
  await options.onImported?.(tx, { summary, changes });
  return summary;
}

/** Whether an import wrote anything (and so whether clients need to hear of it). */
export function importChangedAnything(summary: BillingImportSummary): boolean {
  return summary.accounts.created + summary.accounts.updated + summary.subscriptions.created + summary.subscriptions.updated > 0;
}
