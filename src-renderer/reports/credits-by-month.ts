import { DateTime } from 'luxon';
import type { CreditRow, SubscriptionRow } from '@shared/contract';

export type ReportCredit = Pick<CreditRow, 'subscriptionId' | 'cents' | 'appliesAt'>;

/** Credits owed to customers, by the billing month in which they are applied. */
export interface CreditMonth {
  /** `YYYY-MM` of the cycle start the credit applies at, in its subscription's zone. */
  month: string;
  cents: number;
  count: number;
}

/**
 * Sums the credit ledger by billing month. A credit applies at the start of a billing cycle,
 * which is a local date in the subscription's zone: labelling it in UTC would put a cycle that
 * starts on the 1st at 00:00 in New York in the previous month. Without a cached subscription
 * the month is taken in UTC.
 */
export function creditsOwedByMonth(
  credits: Iterable<ReportCredit>,
  subscriptions: ReadonlyMap<string, Pick<SubscriptionRow, 'timeZone'>>,
): CreditMonth[] {
  const months = new Map<string, CreditMonth>();
  for (const credit of credits) {
    const zone = subscriptions.get(credit.subscriptionId)?.timeZone ?? 'UTC';
    const month = DateTime.fromISO(credit.appliesAt, { zone }).toFormat('yyyy-MM');
    let row = months.get(month);
    if (row === undefined) months.set(month, (row = { month, cents: 0, count: 0 }));
    row.cents += credit.cents;
    row.count += 1;
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
