import { z } from 'zod';
import { ticketSources } from '../policy/eligibility/checklist-items';
import { connectorSummarySchema } from './connector-status';
import { emailSchema, idSchema, instantSchema } from './primitives';
import { multiLineText, singleLineText } from './text';

/**
 * The customer-facing side of the support center (the portal and the vendor's admin tools), which
 * the reference backend also serves so that the demo workspace moves and tests can drive it.
 */

/** `POST /v1/portal/tickets`: a customer files a ticket, with the urgent option. */
export const fileTicketSchema = z.object({
  accountId: idSchema,
  requesterName: singleLineText(200),
  requesterEmail: emailSchema,
  subject: singleLineText(300),
  body: multiLineText(20_000),
  urgent: z.boolean().optional(),
  source: z.enum(ticketSources).default('portal'),
  productId: idSchema.nullable().optional(),
  productVersion: singleLineText(50).nullable().optional(),
});
export type FileTicket = z.infer<typeof fileTicketSchema>;

/** `POST /v1/portal/tickets/:id/messages`: the customer writes again. */
export const customerMessageSchema = z.object({ body: multiLineText(20_000) });

/** `POST /v1/portal/tickets/:id/login-details`: stored encrypted, kept at most 30 days. */
export const submitLoginDetailSchema = z.object({
  label: singleLineText(200),
  /** Kept exactly as sent: spaces at either end may be part of a password. */
  secret: multiLineText(4_000, { verbatim: true }),
});

/** `POST /v1/login-details/:id/reveal` answers with the plaintext, once, and audits it. */
export const revealedLoginDetailSchema = z.object({ id: idSchema, label: z.string(), secret: z.string(), revealedAt: instantSchema });
export type RevealedLoginDetail = z.infer<typeof revealedLoginDetailSchema>;

/** `POST /v1/admin/retention/run`: how many login details past their limit were deleted. */
export const retentionRunResultSchema = z.object({ deleted: z.number().int().nonnegative() });

/** `GET /v1/health`; `connector` only where a helpdesk connector is configured. */
export const healthSchema = z.object({ status: z.enum(['ok', 'starting', 'stopping']), serverTime: instantSchema, connector: connectorSummarySchema.optional() });

/** `GET /v1/ready`: `reason` says why not, when it is not. */
export const readinessSchema = z.object({ status: z.enum(['ready', 'not-ready', 'stopping']), reason: z.string().optional(), serverTime: instantSchema });
