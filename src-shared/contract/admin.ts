import { z } from 'zod';
import { emailSchema, idSchema, instantSchema } from './primitives';
import { singleLineText } from './text';

/**
 * Running a workspace: engineers, the tokens that let the app and the vendor's systems in, one-time
 * sign-in codes, and the audit log of every such change (docs/api.md, "Administration").
 */

/** An engineer as the administration sees them; a disabled engineer's tokens and codes stop working. */
export const adminEngineerSchema = z.object({ id: idSchema, name: z.string(), email: z.string(), disabled: z.boolean() });
export type AdminEngineer = z.infer<typeof adminEngineerSchema>;

/** `POST /v1/admin/engineers` */
export const addEngineerSchema = z.object({ name: singleLineText(200), email: emailSchema });
export type AddEngineer = z.infer<typeof addEngineerSchema>;

export const engineerListSchema = z.object({ engineers: z.array(adminEngineerSchema) });

export const tokenRoleSchema = z.enum(['engineer', 'admin']);

/** A token as it is listed: who holds it and how it is used, never the token itself. */
export const tokenSummarySchema = z.object({
  id: idSchema,
  role: tokenRoleSchema,
  /** The engineer it belongs to; null for an admin token. */
  engineerId: idSchema.nullable(),
  /** Who or what it is for, in words (the engineer's name, or an admin token's label). */
  holder: z.string(),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
  expiresAt: instantSchema.nullable(),
  revokedAt: instantSchema.nullable(),
  status: z.enum(['active', 'expired', 'revoked', 'engineer-disabled']),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;

export const tokenListSchema = z.object({ tokens: z.array(tokenSummarySchema) });

/**
 * `POST /v1/admin/tokens`: a token for an engineer (`engineerId`), or another admin token (with a
 * `label` saying whose it is). A label is welcome on an engineer token too ("Rosa's laptop").
 */
export const issueTokenSchema = z
  .object({
    role: tokenRoleSchema,
    engineerId: idSchema.optional(),
    label: singleLineText(200).optional(),
    expiresAt: instantSchema.optional().describe('when the token stops working; absent: it works until revoked'),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'engineer' && input.engineerId === undefined) ctx.addIssue({ code: 'custom', path: ['engineerId'], message: 'required for an engineer token' });
    if (input.role === 'admin' && input.engineerId !== undefined) ctx.addIssue({ code: 'custom', path: ['engineerId'], message: 'only for an engineer token' });
    if (input.role === 'admin' && input.label === undefined) ctx.addIssue({ code: 'custom', path: ['label'], message: 'required for an admin token: say whose it is' });
  });
export type IssueToken = z.infer<typeof issueTokenSchema>;

/** The plaintext is in this answer only: the backend keeps its hash. */
export const issuedTokenSchema = z.object({ token: z.string(), summary: tokenSummarySchema });
export type IssuedToken = z.infer<typeof issuedTokenSchema>;

export const MAX_SIGN_IN_CODE_MINUTES = 60;

/** `POST /v1/admin/sign-in-codes` */
export const issueSignInCodeSchema = z.object({
  engineerId: idSchema,
  minutes: z.number().int().min(1).max(MAX_SIGN_IN_CODE_MINUTES).default(15).describe('how long the code may be used'),
});

export const issuedSignInCodeSchema = z.object({ code: z.string(), engineerId: idSchema, expiresAt: instantSchema });
export type IssuedSignInCode = z.infer<typeof issuedSignInCodeSchema>;

/** `POST /v1/session/exchange`: a sign-in code, as read out or pasted (case, spaces and dashes do not matter). */
export const exchangeSignInCodeSchema = z.object({ code: singleLineText(40) });

export const exchangedSessionSchema = z.object({ token: z.string(), engineerId: idSchema });
export type ExchangedSession = z.infer<typeof exchangedSessionSchema>;

/** One administrative action: who did what to which row, and the row before and after. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: instantSchema,
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /v1/admin/audit?limit=&before=`: newest first; `before` is the id of the last entry already seen. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().regex(/^\d{1,19}$/, 'expected the id of an audit entry').optional(),
});

export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });
