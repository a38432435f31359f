import {
  billingImportRejectionSchema, billingImportSummarySchema, MAX_BILLING_IMPORT_BYTES, policyReplacedSchema, policyReplacementSchema, recomputeReportSchema,
  retentionRunResultSchema, workspacePoliciesSchema,
} from '@shared/contract';
import { BillingImportRejected } from '../../billing/row-errors';
import type { SupportCenter } from '../../support-center';
import { readTextBody } from '../read-json-body';
import { defineRoute, json, type Reply, type Route } from '../route';

/** The import's row errors answer 400 with every one of them listed, not only the first. */
async function importBilling(center: SupportCenter, csv: string): Promise<Reply> {
  try {
    return json(200, billingImportSummarySchema.parse(await center.importBilling(csv)));
  } catch (error) {
    if (!(error instanceof BillingImportRejected)) throw error;
    return json(400, billingImportRejectionSchema.parse({ error: { code: 'bad-request', message: error.message, rows: error.rows } }));
  }
}

/** Who an admin token acts as in the audit log, until admin tokens name a person. */
const ADMIN_TOKEN_ACTOR = 'admin-token';

/**
 * The vendor's side: ending an account's support history, the retention job on demand, billing
 * imports, and the workspace policies' versions (thin wrappers over src-backend/domain/policy-versions).
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
      method: 'POST',
      path: '/v1/admin/billing/import',
      access: 'admin',
      async handle(ctx) {
        return importBilling(center, await readTextBody(ctx.req, 'text/csv', MAX_BILLING_IMPORT_BYTES));
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
