import { z } from 'zod';
import { checklistItemIds, ticketSources } from '../policy/eligibility/checklist-items';
import { planIdSchema, supportPolicySchema } from '../policy/policy-schema';
import { emailSchema, idSchema, instantSchema } from './primitives';

/**
 * The rows the backend syncs to clients, one schema per entity. Both sides derive their types
 * from these; the client validates every row it receives.
 */

/** One version of a workspace policy (see PolicyVersion in the policy engine). */
export const policyVersionSchema = z.object({
  number: z.number().int().positive(),
  effectiveFrom: instantSchema,
  summary: z.array(z.string().max(500)).max(200),
  policy: supportPolicySchema,
});
export type PolicyVersionRow = z.infer<typeof policyVersionSchema>;

export const policyRowSchema = z.object({
  id: idSchema,
  /** The newest version's policy: what new tickets get once that version's start has come. */
  policy: supportPolicySchema,
  /** Every version, oldest first; tickets name theirs by number (`policyVersion`). */
  versions: z.array(policyVersionSchema).min(1).max(1_000),
});
export type PolicyRow = z.infer<typeof policyRowSchema>;

export const engineerRowSchema = z.object({ id: idSchema, name: z.string().min(1).max(200), email: emailSchema });
export type EngineerRow = z.infer<typeof engineerRowSchema>;

export const accountStatusSchema = z.enum(['active', 'terminated']);
export const accountRowSchema = z.object({
  id: idSchema,
  holderName: z.string().min(1).max(200),
  holderEmail: emailSchema,
  organization: z.string().max(200).nullable(),
  status: accountStatusSchema,
});
export type AccountRow = z.infer<typeof accountRowSchema>;

export const productRowSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(200),
  latestStableVersion: z.string().min(1).max(50),
  discontinued: z.boolean(),
});
export type ProductRow = z.infer<typeof productRowSchema>;

export const planChangeSchema = z.object({ kind: z.enum(['upgrade', 'downgrade']), plan: planIdSchema, requestedAt: instantSchema });
export const entitlementEventSchema = z.object({
  kind: z.enum(['purchase', 'renewal']),
  at: instantSchema,
  months: z.number().int().positive().max(120).optional(),
});
export const entitlementWindowSchema = z.object({ start: instantSchema, end: instantSchema });

export const subscriptionRowSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  /** The workspace policy this subscription is sold under (a preset's copy). */
  policyId: idSchema,
  /** The plan at the start; later plans follow from `changes` (see planAt). */
  initialPlan: planIdSchema,
  /** The plan in force now, as the backend computed it when the row was written. */
  plan: planIdSchema,
  monthlyPriceCents: z.number().int().nonnegative(),
  /** Billing cycles start at anchor + k months in `timeZone`. */
  anchor: instantSchema,
  timeZone: z.string().min(1).max(64),
  changes: z.array(planChangeSchema).max(500),
  pendingDowngrade: z.object({ plan: planIdSchema, effectiveAt: instantSchema }).nullable(),
  cancelRequestedAt: instantSchema.nullable(),
  cancelAt: instantSchema.nullable(),
  /** The free Silver term of a first-time license purchase, when this subscription used it. */
  freeTerm: z.object({ startedAt: instantSchema, endsAt: instantSchema }).nullable(),
  /** Preset B: purchases and renewals of the Support and Upgrades Subscription, and the windows they make. */
  entitlementEvents: z.array(entitlementEventSchema).max(500),
  entitlementWindows: z.array(entitlementWindowSchema).max(500),
});
export type SubscriptionRow = z.infer<typeof subscriptionRowSchema>;

export const ticketStatusSchema = z.enum(['new', 'open', 'pending', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
/** Statuses in which a ticket is still being worked (the queue), as opposed to history. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending'];

export const engineerChecklistItemSchema = z.enum(['code-not-customized', 'data-not-modified', 'addons-purchased', 'not-from-forum']);
export type EngineerChecklistItem = z.infer<typeof engineerChecklistItemSchema>;

export const checklistAnswersSchema = z.object({
  codeNotCustomized: z.boolean().nullable().optional(),
  dataNotModified: z.boolean().nullable().optional(),
  addonsPurchased: z.boolean().nullable().optional(),
  notFromForum: z.boolean().nullable().optional(),
});
export type ChecklistAnswers = z.infer<typeof checklistAnswersSchema>;

export const ticketRowSchema = z.object({
  id: idSchema,
  number: z.number().int().positive(),
  accountId: idSchema,
  subscriptionId: idSchema.nullable(),
  policyId: idSchema,
  /** The version of the policy in force when the ticket was created: its due instant and credit follow it. */
  policyVersion: z.number().int().positive(),
  requesterName: z.string().min(1).max(200),
  requesterEmail: emailSchema,
  subject: z.string().min(1).max(300),
  createdAt: instantSchema,
  urgent: z.boolean(),
  source: z.enum(ticketSources),
  productId: idSchema.nullable(),
  productVersion: z.string().max(50).nullable(),
  status: ticketStatusSchema,
  assigneeId: idSchema.nullable(),
  /** The plan of the subscription active at creation; null when none was. */
  plan: planIdSchema.nullable(),
  dueAt: instantSchema.nullable(),
  firstStaffReplyAt: instantSchema.nullable(),
  slaOutcome: z.enum(['met', 'breached']).nullable(),
  categoryId: z.string().max(64).nullable(),
  checklistAnswers: checklistAnswersSchema,
  /** The eligibility verdict as last evaluated by the backend (Preset B), with the failed items. */
  eligibility: z
    .object({ kind: z.enum(['eligible', 'not-eligible', 'needs-engineer-check']), failed: z.array(z.enum(checklistItemIds)) })
    .nullable(),
  updatedAt: instantSchema,
});
export type TicketRow = z.infer<typeof ticketRowSchema>;

export const messageRowSchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  accountId: idSchema,
  authorKind: z.enum(['customer', 'staff', 'system']),
  authorId: idSchema.nullable(),
  authorName: z.string().min(1).max(200),
  public: z.boolean(),
  body: z.string().max(100_000),
  createdAt: instantSchema,
});
export type MessageRow = z.infer<typeof messageRowSchema>;

/** Metadata only: the secret itself never leaves the backend except through the audited reveal call. */
export const loginDetailRowSchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  accountId: idSchema,
  label: z.string().min(1).max(200),
  submittedAt: instantSchema,
  expiresAt: instantSchema,
});
export type LoginDetailRow = z.infer<typeof loginDetailRowSchema>;

export const creditRowSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  subscriptionId: idSchema,
  ticketId: idSchema,
  cents: z.number().int().nonnegative(),
  latenessMs: z.number().int().nonnegative(),
  dueAt: instantSchema,
  repliedAt: instantSchema,
  cycleStart: instantSchema,
  cycleEnd: instantSchema,
  /** Start of the billing cycle after the one in which the reply was posted. */
  appliesAt: instantSchema,
});
export type CreditRow = z.infer<typeof creditRowSchema>;
