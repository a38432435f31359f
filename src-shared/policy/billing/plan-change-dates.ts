import { formatInstant, parseInstant } from '../instant';
import { cycleClock } from './billing-cycle';
import { endOfCycleMs } from './subscription';
import type { Subscription } from './subscription';

type SubscriptionClock = Pick<Subscription, 'anchor' | 'timeZone'>;

/** A downgrade requested at `requestedAt` takes effect at the start of the next cycle. */
export function downgradeEffectiveAt(sub: SubscriptionClock, requestedAt: string): string {
  const clock = cycleClock(sub.anchor, sub.timeZone);
  return formatInstant(endOfCycleMs(clock, parseInstant(requestedAt, 'requestedAt'), 'requestedAt'));
}

/**
 * A cancellation (made on the manage-purchases page) takes effect at the end of the current cycle:
 * the same instant as the next cycle's start, because cycles are half-open and tile time.
 */
export function cancellationEffectiveAt(sub: SubscriptionClock, requestedAt: string): string {
  return downgradeEffectiveAt(sub, requestedAt);
}
