import { supportPolicySchema, type SupportPolicy } from '@shared/policy/policy-schema';
import { PolicyInputError } from '@shared/policy/policy-input-error';
import { defaultScopeCategories } from '@shared/policy/eligibility';

/**
 * A Preset-B-shaped policy built here (not imported from the presets) so these tests pin the
 * eligibility rules alone. Parsed through the schema so it stays a valid SupportPolicy.
 */
const DAY = [{ start: '09:00', end: '17:00' }];

export function subscriptionPolicy(overrides: Partial<SupportPolicy> = {}): SupportPolicy {
  return supportPolicySchema.parse({
    id: 'test-subscription-scope',
    name: 'Subscription-scoped support (test)',
    preset: 'subscription-scope',
    calendar: {
      timeZone: 'America/New_York',
      week: { '1': DAY, '2': DAY, '3': DAY, '4': DAY, '5': DAY, '6': [], '7': [] },
      holidays: [],
      observedShift: false,
    },
    plans: [{ id: 'silver', name: 'Silver', monthlyPriceCents: 0, normal: { kind: 'business-hours', hours: 8 }, urgent: null }],
    approachThresholdsMinutes: [30],
    guarantees: { responseTargets: false, credits: false },
    billing: { freeTermMonths: 0, freeTermPlan: 'silver', managePurchasesUrl: 'https://vendor.example/purchases' },
    entitlement: { required: true, monthsPerPurchase: 3, renewalUrl: 'https://vendor.example/renew' },
    loginDetails: { retentionDays: 30 },
    scope: { checklistRequired: true, categories: defaultScopeCategories },
    ...overrides,
  });
}

/** The `field` of the PolicyInputError that `call` throws (fails the test if it throws something else). */
export function thrownField(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof PolicyInputError) return error.field;
    throw error;
  }
  throw new Error('expected a PolicyInputError, but nothing was thrown');
}
