import { policyReplacedSchema, policyReplacementSchema, recomputeReportSchema, retentionRunResultSchema, workspacePoliciesSchema } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/** Who an admin token acts as in the audit log, until admin tokens name a person. */
const ADMIN_TOKEN_ACTOR = 'admin-token';

/**
 * The vendor's side: ending an account's support history, the retention job on demand, and the
 * workspace policies' versions (thin wrappers over src-backend/domain/policy-versions).
 */
export function adminRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/admin/accounts/:id/terminate',
      access: 'admin',
      async handle(ctx) {
        await center.terminateAccount(ctx.param('id'));
        return json(204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/admin/retention/run',
      access: 'admin',
      async handle() {
        return json(200, retentionRunResultSchema.parse({ deleted: await center.runRetention() }));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/admin/policy',
      access: 'admin',
      async handle() {
        return json(200, workspacePoliciesSchema.parse(await center.showPolicies()));
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/v1/admin/policy',
      access: 'admin',
      async handle(ctx) {
        const replacement = await ctx.body(policyReplacementSchema);
        return json(200, policyReplacedSchema.parse(await center.replacePolicy(ADMIN_TOKEN_ACTOR, replacement)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/admin/policy/recompute',
      access: 'admin',
      async handle() {
        return json(200, recomputeReportSchema.parse(await center.recomputeOpenTickets(ADMIN_TOKEN_ACTOR)));
      },
    }),
  ];
}
