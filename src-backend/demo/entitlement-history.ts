import type { SubscriptionRow } from '@shared/contract';
import { entitlementWindows, formatInstant, type EntitlementEvent, type SupportPolicy } from '@shared/policy';
import type { AccountCase } from './demo-dataset';
import type { SeededRandom } from './seeded-random';

const DAY = 86_400_000;
/** Mean length of a calendar month: the estimate below is off by at most a couple of days from the engine's. */
const MEAN_MONTH_MS = 30.436875 * DAY;

/**
 * Preset B purchases and renewals of the Support and Upgrades Subscription: renewed on time
 * (one unbroken window), lapsed and renewed later (a gap in which tickets are not entitled),
 * expired (recent tickets are not entitled), or bought recently. The windows themselves come from
 * the policy engine, once, from the finished list of events.
 */
export function entitlementEventsFor(
  kind: AccountCase,
  purchaseMs: number,
  nowMs: number,
  policy: SupportPolicy,
  random: SeededRandom,
): Pick<SubscriptionRow, 'entitlementEvents' | 'entitlementWindows'> {
  const monthsPerPurchase = policy.entitlement.monthsPerPurchase;
  const events: EntitlementEvent[] = [{ kind: 'purchase', at: formatInstant(purchaseMs) }];
  // The current window as the engine keeps it: an anchor and the months bought from it.
  let anchorMs = purchaseMs;
  let months = monthsPerPurchase;
  const windowEnd = (): number => anchorMs + months * MEAN_MONTH_MS;
  /** A renewal paid 4 to 20 days before the window ends (safely before, whatever the estimate's error). */
  const renewOnTime = (): boolean => {
    const atMs = Math.round(windowEnd() - (4 + random.next() * 16) * DAY);
    if (atMs >= nowMs) return false;
    const bought = random.chance(0.2) ? 12 : 3;
    events.push({ kind: 'renewal', at: formatInstant(atMs), months: bought });
    months += bought;
    return true;
  };
  const keepRenewing = (): void => {
    for (let guard = 0; guard < 500 && windowEnd() <= nowMs + 5 * DAY; guard++) if (!renewOnTime()) break;
  };
  if (kind === 'b-renewed') {
    keepRenewing();
  } else if (kind === 'b-lapsed') {
    if (random.chance(0.5)) renewOnTime();
    const renewedMs = Math.round(windowEnd() + (25 + random.next() * 65) * DAY);
    if (renewedMs < nowMs) {
      // After a lapse the renewal buys support from the moment it is paid.
      events.push({ kind: 'renewal', at: formatInstant(renewedMs), months: 3 });
      anchorMs = renewedMs;
      months = 3;
      keepRenewing();
    }
  } else if (kind === 'b-expired') {
    if (random.chance(0.5)) renewOnTime();
  }
  const timeZone = policy.calendar.timeZone;
  return { entitlementEvents: events, entitlementWindows: entitlementWindows({ timeZone, monthsPerPurchase, events }) };
}
