import { parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { requireCents, roundHalfUpRatio } from './exact-ratio';
import { requireCycle } from './missed-response-credit';

export interface UpgradeCostArgs {
  oldPriceCents: number;
  newPriceCents: number;
  /** The upgrade instant; it must lie in [cycleStart, cycleEnd). */
  at: string;
  cycleStart: string;
  cycleEnd: string;
}

/**
 * What an upgrade at `at` costs for the rest of the current cycle: the price difference prorated by
 * the exact remaining milliseconds, rounded half up. Billing is in advance and non-refundable, so a
 * change to a cheaper plan is a downgrade (next cycle, no money back), never a negative upgrade.
 */
export function upgradeCost(args: UpgradeCostArgs): number {
  const oldPrice = requireCents(args.oldPriceCents, 'oldPriceCents');
  const newPrice = requireCents(args.newPriceCents, 'newPriceCents');
  if (newPrice <= oldPrice) {
    throw new PolicyInputError('newPriceCents', args.newPriceCents, 'an upgrade must cost more than the current plan (oldPriceCents)');
  }
  const atMs = parseInstant(args.at, 'at');
  const { startMs, endMs } = requireCycle(args.cycleStart, args.cycleEnd);
  if (atMs < startMs || atMs >= endMs) {
    throw new PolicyInputError('at', args.at, 'must lie inside the billing cycle [cycleStart, cycleEnd)');
  }
  const difference = BigInt(newPrice - oldPrice);
  return Number(roundHalfUpRatio(difference * BigInt(endMs - atMs), BigInt(endMs - startMs)));
}
