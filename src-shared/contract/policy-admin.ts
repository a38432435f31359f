import { z } from 'zod';
import { supportPolicySchema } from '../policy/policy-schema';
import { policyVersionSchema } from './entities';
import { idSchema, instantSchema } from './primitives';

/**
 * Administering the workspace policies: their versions, a replacement effective from a stated
 * instant, and moving open tickets to the version in force (see docs/policy-administration.md).
 */

/** `GET /v1/admin/policy`: every policy with its whole history and the version in force now. */
export const workspacePoliciesSchema = z.object({
  serverTime: instantSchema,
  policies: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      /** The version new tickets get now. */
      inForce: z.number().int().positive(),
      versions: z.array(policyVersionSchema),
    }),
  ),
});
export type WorkspacePolicies = z.infer<typeof workspacePoliciesSchema>;

/**
 * `PUT /v1/admin/policy`: a new version of the policy `policy.id`, for tickets created from
 * `effectiveFrom` on (`now`: the server's clock). The instant may not lie in the past, nor before
 * the newest version's start.
 */
export const policyReplacementSchema = z.object({
  effectiveFrom: z.union([z.literal('now'), instantSchema]),
  policy: supportPolicySchema,
});
export type PolicyReplacement = z.infer<typeof policyReplacementSchema>;

export const policyReplacedSchema = z.object({ policyId: idSchema, version: policyVersionSchema });
export type PolicyReplaced = z.infer<typeof policyReplacedSchema>;

/** One open ticket moved to the version in force, and what that did to its due instant. */
export const recomputedTicketSchema = z.object({
  ticketId: idSchema,
  number: z.number().int().positive(),
  policyId: idSchema,
  fromVersion: z.number().int().positive(),
  toVersion: z.number().int().positive(),
  dueAtBefore: instantSchema.nullable(),
  dueAtAfter: instantSchema.nullable(),
});

/** `POST /v1/admin/policy/recompute`. */
export const recomputeReportSchema = z.object({
  at: instantSchema,
  /** Open tickets still waiting for their first reply, under a version other than the one in force. */
  examined: z.number().int().nonnegative(),
  /** Those whose due instant moved. */
  moved: z.array(recomputedTicketSchema),
  /** Those given the version in force with their due instant unchanged. */
  unchanged: z.number().int().nonnegative(),
});
export type RecomputeReport = z.infer<typeof recomputeReportSchema>;
