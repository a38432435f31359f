import { z } from 'zod';
import { planIdSchema } from '../policy/policy-schema';
import { apiErrorSchema } from './api-error';
import { emailSchema, idSchema, instantSchema } from './primitives';
import { singleLineText } from './text';

/**
 * The billing export the backend imports (docs/billing-import.md): a CSV file, one row per event
 * of an account's billing history. Each row is validated with the schema of its `event`; a column
 * that event does not use must be empty, so a row shifted by one column is caught, not misread.
 */

/** Every column a billing export may carry; the header names the ones it has, in any order. */
export const billingColumns = [
  'event',
  'account_id',
  'subscription_id',
  'at',
  'holder_name',
  'holder_email',
  'organization',
  'policy',
  'plan',
  'price_cents',
  'time_zone',
  'months',
] as const;
export type BillingColumn = (typeof billingColumns)[number];

/** Exports larger than this are refused (413) before they are read: about 50,000 rows. */
export const MAX_BILLING_IMPORT_BYTES = 8 * 1_048_576;

const cents = z
  .string()
  .regex(/^\d{1,9}$/, 'expected a whole number of cents such as 14900 (digits only, at most 9)')
  .transform(Number);
const months = z
  .string()
  .regex(/^\d{1,3}$/, 'expected a whole number of months')
  .transform(Number)
  .pipe(z.number().int().min(1, 'expected at least 1 month').max(120, 'expected at most 120 months'));
const timeZone = z.string().refine(isTimeZone, 'expected an IANA time zone such as America/New_York');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Rows about one subscription may repeat its account id; when they do, it is checked. */
const ofSubscription = { subscription_id: idSchema, account_id: idSchema.optional(), at: instantSchema };

export const billingRowSchema = z.discriminatedUnion('event', [
  /** The account holder (created, or updated when the export says otherwise). */
  z.strictObject({
    event: z.literal('account'),
    account_id: idSchema,
    holder_name: singleLineText(200),
    holder_email: emailSchema,
    organization: singleLineText(200).optional(),
  }),
  /** A subscription starts: `at` is its anchor, the start of its first monthly billing cycle. */
  z.strictObject({
    event: z.literal('subscription'),
    subscription_id: idSchema,
    account_id: idSchema,
    at: instantSchema,
    policy: idSchema,
    plan: planIdSchema,
    price_cents: cents,
    time_zone: timeZone.optional(),
  }),
  /** A plan change requested at `at`: an upgrade applies at once, a downgrade at the cycle's end. */
  z.strictObject({ event: z.literal('upgrade'), ...ofSubscription, plan: planIdSchema, price_cents: cents }),
  z.strictObject({ event: z.literal('downgrade'), ...ofSubscription, plan: planIdSchema, price_cents: cents }),
  /** Cancelled on the manage-purchases page at `at`: it ends with the billing cycle. */
  z.strictObject({ event: z.literal('cancellation'), ...ofSubscription }),
  /** The free term of a first-time license purchase, from `at`, for `months` billing cycles. */
  z.strictObject({ event: z.literal('free-term'), ...ofSubscription, months: months.optional() }),
  /** Preset B: a Support and Upgrades purchase or paid renewal, buying `months` of support. */
  z.strictObject({ event: z.literal('purchase'), ...ofSubscription, months: months.optional() }),
  z.strictObject({ event: z.literal('renewal'), ...ofSubscription, months: months.optional() }),
]);
export type BillingRow = z.infer<typeof billingRowSchema>;
export type BillingEventName = BillingRow['event'];

/** One thing wrong with the file: the line the row starts on (1 is the header) and the column. */
export const billingRowErrorSchema = z.object({
  line: z.number().int().positive(),
  field: z.string().nullable(),
  message: z.string(),
});
export type BillingRowError = z.infer<typeof billingRowErrorSchema>;

const counts = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

/** `POST /v1/admin/billing/import` 200: what the import wrote, and what it re-derived. */
export const billingImportSummarySchema = z.object({
  accounts: counts,
  subscriptions: counts,
  /** Tickets of changed subscriptions whose plan, due instant, outcome or eligibility moved. */
  ticketsRederived: z.number().int().nonnegative(),
  credits: z.object({
    created: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    deleted: z.number().int().nonnegative(),
  }),
});
export type BillingImportSummary = z.infer<typeof billingImportSummarySchema>;

/** `POST /v1/admin/billing/import` 400: every row error found (nothing was imported). */
export const billingImportRejectionSchema = z.object({
  error: apiErrorSchema.shape.error.extend({ rows: z.array(billingRowErrorSchema) }),
});
export type BillingImportRejection = z.infer<typeof billingImportRejectionSchema>;
