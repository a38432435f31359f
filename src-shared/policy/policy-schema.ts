import { IANAZone } from 'luxon';
import { z } from 'zod';
import { idSchema } from '../contract/primitives';
import { keepsTextRule, singleLineText } from '../contract/text';
import { daysInMonth } from './instant';

/**
 * The `SupportPolicy` value: everything the engine needs to know about a workspace's rules,
 * as data. Both presets (docs/policy.md) are values of this schema; a workspace may edit its copy,
 * and the backend ships it to clients through the sync stream, so the schema is the contract.
 * Names, labels and keywords are text an administrator writes: they keep the contract's text rule.
 */

/** Local wall-clock time `HH:mm`; `24:00` is allowed as a closing time (end of the day). */
export const localTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a local time HH:mm (00:00 to 24:00)');

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export const workingIntervalSchema = z.object({ start: localTimeSchema, end: localTimeSchema }).superRefine((interval, ctx) => {
  if (interval.start === '24:00') ctx.addIssue({ code: 'custom', path: ['start'], message: 'a working interval cannot start at 24:00' });
  else if (minutesOf(interval.end) <= minutesOf(interval.start)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after the start ${interval.start} (split an overnight shift at 24:00)` });
  }
});
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

/** One weekday's working intervals, in order and not overlapping. */
const workingDaySchema = z.array(workingIntervalSchema).superRefine((intervals, ctx) => {
  intervals.forEach((interval, i) => {
    const previous = intervals[i - 1];
    if (previous !== undefined && minutesOf(interval.start) < minutesOf(previous.end)) {
      ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'overlaps or precedes the previous interval of the day' });
    }
  });
});

export const isoWeekdaySchema = z.number().int().min(1).max(7);
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const month = z.number().int().min(1).max(12);
const holidayName = singleLineText(120);

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
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD')
      .refine((date) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
      }, 'no such date'),
  }),
]);
export type HolidayRule = z.infer<typeof holidayRuleSchema>;

/** February 29 exists in leap years, so a fixed rule may name it; February 30 never. */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Checked here rather than when a year is computed: a bad rule must be refused when the policy is saved. */
function holidayProblems(rules: readonly HolidayRule[], ctx: z.RefinementCtx): void {
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  rules.forEach((rule, i) => {
    if (rule.kind === 'fixed' && rule.day > (LONGEST_MONTH[rule.month - 1] ?? 31)) {
      ctx.addIssue({ code: 'custom', path: [i, 'day'], message: `month ${rule.month} never has this day` });
    }
    if (rule.kind !== 'days-after') return;
    const seen = new Set([rule.name]);
    let base = byName.get(rule.of);
    while (base?.kind === 'days-after' && !seen.has(base.name)) {
      seen.add(base.name);
      base = byName.get(base.of);
    }
    if (base === undefined) ctx.addIssue({ code: 'custom', path: [i, 'of'], message: 'no holiday rule has this name' });
    else if (base.kind === 'days-after') ctx.addIssue({ code: 'custom', path: [i, 'of'], message: 'holiday rules refer to each other in a cycle' });
  });
}

export const businessCalendarSchema = z
  .object({
    /** IANA zone in which working hours, dates, weekdays and holidays are defined. */
    timeZone: z
      .string()
      .regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'expected an IANA time zone such as America/New_York')
      .refine((zone) => IANAZone.isValidZone(zone), 'unknown IANA time zone'),
    /** Working intervals per ISO weekday ("1" = Monday ... "7" = Sunday), in local time. */
    week: z.record(z.enum(['1', '2', '3', '4', '5', '6', '7']), workingDaySchema),
    holidays: z.array(holidayRuleSchema).superRefine(holidayProblems),
    /** Move a holiday that falls on Saturday to Friday and on Sunday to Monday. Off by default. */
    observedShift: z.boolean(),
  })
  .superRefine((calendar, ctx) => {
    if (Object.values(calendar.week).every((day) => day.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: 'the calendar has no working time on any weekday' });
    }
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
  name: singleLineText(120),
  monthlyPriceCents: z.number().int().nonnegative(),
  normal: responseTargetSchema,
  /** `null`: the plan does not offer the urgent option; urgent tickets get the normal target. */
  urgent: responseTargetSchema.nullable(),
});
export type Plan = z.infer<typeof planSchema>;

/** A link customers are sent to. The URL parser drops tabs and line breaks: the text rule refuses them. */
const webAddress = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).check(keepsTextRule('single'));

export const presetIdSchema = z.enum(['plan-sla', 'subscription-scope']);
export type PresetId = z.infer<typeof presetIdSchema>;

export const scopeCategorySchema = z.object({
  id: idSchema,
  label: singleLineText(120),
  inScope: z.boolean(),
  /** Lower-case words or phrases whose presence in a ticket's text suggests this category. */
  keywords: z.array(singleLineText(120)),
});
export type ScopeCategory = z.infer<typeof scopeCategorySchema>;

export const supportPolicySchema = z.object({
  id: idSchema,
  name: singleLineText(120),
  preset: presetIdSchema,
  calendar: businessCalendarSchema,
  plans: z
    .array(planSchema)
    .min(1)
    .superRefine((plans, ctx) => {
      plans.forEach((plan, i) => {
        if (plans.findIndex((p) => p.id === plan.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'the plan is defined twice' });
      });
    }),
  /** Minutes before the due instant at which an approaching-deadline warning fires. */
  approachThresholdsMinutes: z.array(z.number().int().positive()),
  /** Whether response guarantees (and credits for missing them) apply under this policy. */
  guarantees: z.object({ responseTargets: z.boolean(), credits: z.boolean() }),
  billing: z.object({
    /** Length of the free Silver term that comes with a first-time license purchase. */
    freeTermMonths: z.number().int().nonnegative(),
    freeTermPlan: planIdSchema,
    managePurchasesUrl: webAddress,
  }),
  /** Preset B: support only inside a valid Support and Upgrades Subscription window. */
  entitlement: z.object({
    required: z.boolean(),
    /** Months of support included with a purchase and added by each paid renewal. */
    monthsPerPurchase: z.number().int().positive(),
    renewalUrl: webAddress,
  }),
  loginDetails: z.object({ retentionDays: z.number().int().positive().max(30) }),
  scope: z.object({ checklistRequired: z.boolean(), categories: z.array(scopeCategorySchema) }),
});
export type SupportPolicy = z.infer<typeof supportPolicySchema>;
