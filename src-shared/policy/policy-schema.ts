import { z } from 'zod';

/**
 * The `SupportPolicy` value: everything the engine needs to know about a workspace's rules,
 * as data. Both presets (docs/policy.md) are values of this schema; a workspace may edit its copy,
 * and the backend ships it to clients through the sync stream, so the schema is the contract.
 */

/** Local wall-clock time `HH:mm`; `24:00` is allowed as a closing time (end of the day). */
export const localTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a local time HH:mm (00:00 to 24:00)');

export const workingIntervalSchema = z.object({ start: localTimeSchema, end: localTimeSchema });
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

export const isoWeekdaySchema = z.number().int().min(1).max(7);
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const month = z.number().int().min(1).max(12);
const holidayName = z.string().min(1).max(120);

export const holidayRuleSchema = z.discriminatedUnion('kind', [
  /** The same month and day every year (New Year's Day, Independence Day, Christmas). */
  z.object({ kind: z.literal('fixed'), name: holidayName, month, day: z.number().int().min(1).max(31) }),
  /** The nth given weekday of a month (Labor Day: 1st Monday of September). */
  z.object({
    kind: z.literal('nth-weekday'),
    name: holidayName,
    month,
    weekday: isoWeekdaySchema,
    n: z.number().int().min(1).max(5),
  }),
  /** The last given weekday of a month (Memorial Day: last Monday of May). */
  z.object({ kind: z.literal('last-weekday'), name: holidayName, month, weekday: isoWeekdaySchema }),
  /** A number of days after another rule's date in the same year (the day after Thanksgiving). */
  z.object({
    kind: z.literal('days-after'),
    name: holidayName,
    of: holidayName,
    days: z.number().int().min(1).max(31),
  }),
  /** A one-off local date (a company closure). */
  z.object({
    kind: z.literal('date'),
    name: holidayName,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD'),
  }),
]);
export type HolidayRule = z.infer<typeof holidayRuleSchema>;

export const businessCalendarSchema = z.object({
  /** IANA zone in which working hours, dates, weekdays and holidays are defined. */
  timeZone: z.string().min(1),
  /** Working intervals per ISO weekday ("1" = Monday ... "7" = Sunday), in local time. */
  week: z.record(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(workingIntervalSchema)),
  holidays: z.array(holidayRuleSchema),
  /** Move a holiday that falls on Saturday to Friday and on Sunday to Monday. Off by default. */
  observedShift: z.boolean(),
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

export const planIdSchema = z.enum(['silver', 'gold', 'platinum']);
export type PlanId = z.infer<typeof planIdSchema>;

export const responseTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('business-hours'), hours: z.number().positive().max(10_000) }),
  /**
   * End of the first business day strictly after the creation date. `close` = end of that day's
   * last working interval (the default reading), `midnight` = local midnight at the end of that day.
   */
  z.object({ kind: z.literal('next-business-day'), endOfDay: z.enum(['close', 'midnight']) }),
]);
export type ResponseTarget = z.infer<typeof responseTargetSchema>;

export const planSchema = z.object({
  id: planIdSchema,
  name: z.string().min(1),
  monthlyPriceCents: z.number().int().nonnegative(),
  normal: responseTargetSchema,
  /** `null`: the plan does not offer the urgent option; urgent tickets get the normal target. */
  urgent: responseTargetSchema.nullable(),
});
export type Plan = z.infer<typeof planSchema>;

export const presetIdSchema = z.enum(['plan-sla', 'subscription-scope']);
export type PresetId = z.infer<typeof presetIdSchema>;

export const scopeCategorySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  inScope: z.boolean(),
  /** Lower-case words or phrases whose presence in a ticket's text suggests this category. */
  keywords: z.array(z.string().min(1)),
});
export type ScopeCategory = z.infer<typeof scopeCategorySchema>;

export const supportPolicySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  preset: presetIdSchema,
  calendar: businessCalendarSchema,
  plans: z.array(planSchema).min(1),
  /** Minutes before the due instant at which an approaching-deadline warning fires. */
  approachThresholdsMinutes: z.array(z.number().int().positive()),
  /** Whether response guarantees (and credits for missing them) apply under this policy. */
  guarantees: z.object({ responseTargets: z.boolean(), credits: z.boolean() }),
  billing: z.object({
    /** Length of the free Silver term that comes with a first-time license purchase. */
    freeTermMonths: z.number().int().nonnegative(),
    freeTermPlan: planIdSchema,
    managePurchasesUrl: z.string().url(),
  }),
  /** Preset B: support only inside a valid Support and Upgrades Subscription window. */
  entitlement: z.object({
    required: z.boolean(),
    /** Months of support included with a purchase and added by each paid renewal. */
    monthsPerPurchase: z.number().int().positive(),
    renewalUrl: z.string().url(),
  }),
  loginDetails: z.object({ retentionDays: z.number().int().positive().max(30) }),
  scope: z.object({ checklistRequired: z.boolean(), categories: z.array(scopeCategorySchema) }),
});
export type SupportPolicy = z.infer<typeof supportPolicySchema>;
