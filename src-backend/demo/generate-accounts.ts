import type { AccountRow } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';
import type { AccountCase, DemoAccountProfile } from './demo-dataset';
import { customerProfile } from './generate-subscription';
import { NameBook } from './holder-names';
import type { SeededRandom } from './seeded-random';

/** Every case appears at least once, whatever the size of the data set, so every rule can be demonstrated. */
const REQUIRED_CASES: readonly AccountCase[] = [
  'a-platinum', 'a-gold', 'a-silver', 'a-free-term', 'a-free-term-abuse', 'a-upgrade', 'a-downgrade',
  'a-pending-downgrade', 'a-cancel-pending', 'a-cancelled', 'b-renewed', 'b-lapsed', 'b-expired', 'b-new',
];
const RANDOM_CASES: readonly AccountCase[] = [
  'a-silver', 'a-gold', 'a-platinum', 'a-free-term', 'a-upgrade', 'a-downgrade', 'a-pending-downgrade',
  'a-cancel-pending', 'a-cancelled', 'b-renewed', 'b-lapsed', 'b-expired', 'b-new',
];
const RANDOM_CASE_WEIGHTS = [24, 20, 11, 8, 8, 4, 2, 2, 1, 14, 4, 3, 2];

export const MIN_DEMO_ACCOUNTS = REQUIRED_CASES.length;

export interface AccountGeneration {
  count: number;
  nowMs: number;
  /** Where ticket history begins. */
  historyStartMs: number;
  random: SeededRandom;
  planSla: SupportPolicy;
  subscriptionScope: SupportPolicy;
}

export function accountId(index: number, width: number): string {
  return `a-${String(index + 1).padStart(width, '0')}`;
}

export function accountIdWidth(count: number): number {
  return Math.max(4, String(count + 1).length);
}

/**
 * The customers: an account and one subscription each, following `REQUIRED_CASES` then random
 * cases; and the account the vendor terminated (its history is gone, only the row remains).
 */
export function generateAccounts(input: AccountGeneration): { profiles: DemoAccountProfile[]; terminated: AccountRow } {
  const { count, random } = input;
  const names = new NameBook(random);
  const width = accountIdWidth(count);
  const profiles: DemoAccountProfile[] = [];
  for (let i = 0; i < count; i++) {
    const kind = REQUIRED_CASES[i] ?? random.weighted(RANDOM_CASES, RANDOM_CASE_WEIGHTS);
    const firstFreeTerm = profiles.find((p) => p.case === 'a-free-term');
    const holder = kind === 'a-free-term-abuse' && firstFreeTerm ? names.abuserOf(firstFreeTerm.account) : names.holder(kind.includes('free-term'));
    const id = accountId(i, width);
    const account: AccountRow = { id, ...holder.identity, status: 'active' };
    profiles.push(customerProfile(input, account, holder.domain, kind, i < REQUIRED_CASES.length));
  }
  const terminated: AccountRow = { id: accountId(count, width), ...names.holder(true).identity, status: 'terminated' };
  return { profiles, terminated };
}
