import type { BillingRow } from '@shared/contract';
import { parseInstant, PolicyInputError } from '@shared/policy';
import type { LinedRow } from './read-billing-rows';
import type { RowErrors } from './row-errors';

type Lined<E extends BillingRow['event']> = Extract<BillingRow, { event: E }> & { line: number };
export type AccountEvent = Lined<'account'>;
export type SubscriptionStart = Lined<'subscription'>;
export type SubscriptionEvent = Lined<'upgrade' | 'downgrade' | 'cancellation' | 'free-term' | 'purchase' | 'renewal'>;

/** A subscription as the export tells it: its start and every later event, in file order. */
export interface SubscriptionHistory {
  start: SubscriptionStart;
  events: SubscriptionEvent[];
  /** An instant of it is already an error: the engine is not asked to build it (that would only repeat the error). */
  broken: boolean;
}

export interface GroupedRows {
  accounts: Map<string, AccountEvent>;
  subscriptions: Map<string, SubscriptionHistory>;
}

/** The instant of a row as epoch ms, or an error naming its line when the engine cannot use it. */
function instantMs(row: { at: string; line: number }, now: Date, errors: RowErrors): number | null {
  try {
    const ms = parseInstant(row.at, 'at');
    if (ms > now.getTime()) {
      errors.add(row.line, 'at', `lies in the future (after ${now.toISOString()}); an export lists what has happened`);
      return null;
    }
    return ms;
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    errors.add(row.line, 'at', error.message);
    return null;
  }
}

/**
 * Rows by account and by subscription, checked across rows: an id is defined once, every event
 * belongs to a subscription started in the same file (an export carries each subscription's whole
 * history), on or after its start, never in the future, and under the account the start names.
 */
export function groupBillingRows(rows: readonly LinedRow[], now: Date, errors: RowErrors): GroupedRows {
  const accounts = new Map<string, AccountEvent>();
  const subscriptions = new Map<string, SubscriptionHistory>();
  for (const row of rows) {
    if (row.event === 'account') {
      const first = accounts.get(row.account_id);
      if (first !== undefined) errors.add(row.line, 'account_id', `account ${row.account_id} is already on line ${first.line}`);
      else accounts.set(row.account_id, row);
    } else if (row.event === 'subscription') {
      const first = subscriptions.get(row.subscription_id);
      if (first !== undefined) errors.add(row.line, 'subscription_id', `subscription ${row.subscription_id} already starts on line ${first.start.line}`);
      else subscriptions.set(row.subscription_id, { start: row, events: [], broken: instantMs(row, now, errors) === null });
    }
  }
  for (const row of rows) {
    if (row.event === 'account' || row.event === 'subscription') continue;
    const history = subscriptions.get(row.subscription_id);
    if (history === undefined) {
      errors.add(row.line, 'subscription_id', `no subscription row starts ${row.subscription_id} in this file; an export carries each subscription's whole history`);
      continue;
    }
    const { start } = history;
    if (row.account_id !== undefined && row.account_id !== start.account_id) {
      errors.add(row.line, 'account_id', `subscription ${row.subscription_id} belongs to account ${start.account_id} (line ${start.line})`);
    }
    const atMs = instantMs(row, now, errors);
    if (atMs !== null && atMs < Date.parse(start.at)) errors.add(row.line, 'at', `lies before the subscription starts (${start.at}, line ${start.line})`);
    if (atMs === null || atMs < Date.parse(start.at)) history.broken = true;
    history.events.push(row);
  }
  return { accounts, subscriptions };
}
