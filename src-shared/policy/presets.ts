import { US_SUPPORT_HOLIDAYS } from './calendar/us-holidays';
import { compilePolicy } from './compile-policy';
import { defaultScopeCategories } from './eligibility/index';
import type { BusinessCalendar, PlanId, SupportPolicy, WorkingInterval } from './policy-schema';

export interface PresetOptions {
  /** IANA zone of the business calendar; default `America/New_York`. */
  timeZone?: string;
  /** Local working hours `HH:mm`, Monday to Friday; default 09:00-17:00. */
  hours?: { start: string; end: string };
  /** Move weekend holidays to the nearest weekday; off by default. */
  observedShift?: boolean;
  /** Silver's "end of day": closing time (default) or local midnight. */
  endOfDay?: 'close' | 'midnight';
  /** Monthly plan prices in cents. */
  prices?: Partial<Record<PlanId, number>>;
  managePurchasesUrl?: string;
  renewalUrl?: string;
  approachThresholdsMinutes?: number[];
}

const DEFAULT_PRICES: Record<PlanId, number> = { silver: 4_900, gold: 14_900, platinum: 39_900 };

function calendarOf(options: PresetOptions): BusinessCalendar {
  const hours: WorkingInterval[] = [options.hours ?? { start: '09:00', end: '17:00' }];
  return {
    timeZone: options.timeZone ?? 'America/New_York',
    week: { '1': hours, '2': hours, '3': hours, '4': hours, '5': hours, '6': [], '7': [] },
    holidays: [...US_SUPPORT_HOLIDAYS],
    observedShift: options.observedShift ?? false,
  };
}

function basePolicy(options: PresetOptions): Omit<SupportPolicy, 'id' | 'name' | 'preset' | 'guarantees' | 'entitlement' | 'scope'> {
  const price = (plan: PlanId): number => options.prices?.[plan] ?? DEFAULT_PRICES[plan];
  return {
    calendar: calendarOf(options),
    plans: [
      {
        id: 'silver',
        name: 'Silver',
        monthlyPriceCents: price('silver'),
        normal: { kind: 'next-business-day', endOfDay: options.endOfDay ?? 'close' },
        urgent: { kind: 'business-hours', hours: 2 },
      },
      { id: 'gold', name: 'Gold', monthlyPriceCents: price('gold'), normal: { kind: 'business-hours', hours: 4 }, urgent: { kind: 'business-hours', hours: 2 } },
      // Platinum does not offer the urgent option: its normal target is already 1 business hour.
      { id: 'platinum', name: 'Platinum', monthlyPriceCents: price('platinum'), normal: { kind: 'business-hours', hours: 1 }, urgent: null },
    ],
    approachThresholdsMinutes: options.approachThresholdsMinutes ?? [30, 10],
    billing: {
      freeTermMonths: 3,
      freeTermPlan: 'silver',
      managePurchasesUrl: options.managePurchasesUrl ?? 'https://store.example.com/account/purchases',
    },
    loginDetails: { retentionDays: 30 },
  };
}

/** Validates eagerly so a bad option fails where it is given, naming the field. */
function checked(policy: SupportPolicy): SupportPolicy {
  compilePolicy(policy);
  return policy;
}

/** Preset A, "Plan-based SLA": Silver / Gold / Platinum first-response guarantees with credits. */
function planSla(options: PresetOptions = {}): SupportPolicy {
  return checked({
    id: 'plan-sla',
    name: 'Plan-based SLA',
    preset: 'plan-sla',
    ...basePolicy(options),
    guarantees: { responseTargets: true, credits: true },
    entitlement: { required: false, monthsPerPurchase: 3, renewalUrl: options.renewalUrl ?? 'https://store.example.com/account/renew' },
    scope: { checklistRequired: false, categories: defaultScopeCategories },
  });
}

/**
 * Preset B, "Subscription-scoped support": support only inside a valid Support and Upgrades
 * Subscription and only for in-scope requests. Its source policy guarantees no response time,
 * so the plan targets are kept as service goals (countdowns, no credits).
 */
function subscriptionScope(options: PresetOptions = {}): SupportPolicy {
  return checked({
    id: 'subscription-scope',
    name: 'Subscription-scoped support',
    preset: 'subscription-scope',
    ...basePolicy(options),
    guarantees: { responseTargets: false, credits: false },
    entitlement: { required: true, monthsPerPurchase: 3, renewalUrl: options.renewalUrl ?? 'https://store.example.com/account/renew' },
    scope: { checklistRequired: true, categories: defaultScopeCategories },
  });
}

export const presets = { planSla, subscriptionScope } as const;
