import { z } from 'zod';
import {
  addEngineerSchema,
  adminEngineerSchema,
  auditListSchema,
  auditQuerySchema,
  engineerListSchema,
  issuedSignInCodeSchema,
  issuedTokenSchema,
  issueSignInCodeSchema,
  issueTokenSchema,
  tokenListSchema,
  tokenSummarySchema,
} from '../admin';
import { connectorStatusSchema } from '../connector-status';
import { billingImportRejectionSchema, billingImportSummarySchema, MAX_BILLING_IMPORT_BYTES } from '../billing-import';
import { policyReplacedSchema, policyReplacementSchema, recomputeReportSchema, workspacePoliciesSchema } from '../policy-admin';
import { retentionRunResultSchema } from '../portal';
import { defineEndpoints } from './define-endpoints';
import { idParams } from './path-params';

/** Running the workspace (admin token). Each call that changes something is written to the audit log. */
export const adminEndpoints = defineEndpoints({
  terminateAccount: {
    method: 'POST',
    path: '/v1/admin/accounts/:id/terminate',
    access: 'admin',
    summary: "Ends an account's support history: every row of it is deleted and a purge syncs.",
    params: idParams,
    responses: { 204: null },
  },
  runRetention: {
    method: 'POST',
    path: '/v1/admin/retention/run',
    access: 'admin',
    summary: 'Deletes login details past their 30 days now.',
    responses: { 200: retentionRunResultSchema },
  },
  importBilling: {
    method: 'POST',
    path: '/v1/admin/billing/import',
    access: 'admin',
    summary: 'Imports accounts and subscriptions from a billing export (CSV, docs/billing-import.md): all rows or none; the same file again changes nothing.',
    body: z.string(),
    textBody: { contentType: 'text/csv', maxBytes: MAX_BILLING_IMPORT_BYTES },
    responses: { 200: billingImportSummarySchema, 400: billingImportRejectionSchema },
  },
  showPolicy: {
    method: 'GET',
    path: '/v1/admin/policy',
    access: 'admin',
    summary: 'Every workspace policy: the version in force now and every version.',
    responses: { 200: workspacePoliciesSchema },
  },
  replacePolicy: {
    method: 'PUT',
    path: '/v1/admin/policy',
    access: 'admin',
    summary: 'A new version of a policy for tickets created from `effectiveFrom` on; tickets already filed keep theirs.',
    body: policyReplacementSchema,
    responses: { 200: policyReplacedSchema },
  },
  recomputePolicy: {
    method: 'POST',
    path: '/v1/admin/policy/recompute',
    access: 'admin',
    summary: 'Moves open tickets still waiting for their first reply to the version in force now; reports the deadlines that moved.',
    responses: { 200: recomputeReportSchema },
  },
  listEngineers: {
    method: 'GET',
    path: '/v1/admin/engineers',
    access: 'admin',
    summary: 'Every engineer, disabled ones too.',
    responses: { 200: engineerListSchema },
  },
  addEngineer: {
    method: 'POST',
    path: '/v1/admin/engineers',
    access: 'admin',
    summary: 'Adds an engineer (the e-mail address must be new). Sign them in with a sign-in code.',
    body: addEngineerSchema,
    responses: { 201: adminEngineerSchema },
  },
  disableEngineer: {
    method: 'POST',
    path: '/v1/admin/engineers/:id/disable',
    access: 'admin',
    summary: "Stops every token and sign-in code of the engineer (within 5 s on every instance); tickets keep their history.",
    params: idParams,
    responses: { 200: adminEngineerSchema },
  },
  enableEngineer: {
    method: 'POST',
    path: '/v1/admin/engineers/:id/enable',
    access: 'admin',
    summary: "Lets a disabled engineer's tokens that are neither revoked nor expired work again.",
    params: idParams,
    responses: { 200: adminEngineerSchema },
  },
  listTokens: {
    method: 'GET',
    path: '/v1/admin/tokens',
    access: 'admin',
    summary: 'Every token: whose, created, last used, expiry, revocation. Never the token itself.',
    responses: { 200: tokenListSchema },
  },
  issueToken: {
    method: 'POST',
    path: '/v1/admin/tokens',
    access: 'admin',
    summary: 'Issues an engineer or admin token. The answer holds the token, once: only its hash is kept.',
    body: issueTokenSchema,
    responses: { 201: issuedTokenSchema },
  },
  revokeToken: {
    method: 'POST',
    path: '/v1/admin/tokens/:id/revoke',
    access: 'admin',
    summary: 'Revokes a token: refused within 5 s on every instance. Revoking a revoked token changes nothing.',
    params: idParams,
    responses: { 200: tokenSummarySchema },
  },
  issueSignInCode: {
    method: 'POST',
    path: '/v1/admin/sign-in-codes',
    access: 'admin',
    summary: 'A one-time code the engineer types into the app to sign in; it works once, for a few minutes.',
    body: issueSignInCodeSchema,
    responses: { 201: issuedSignInCodeSchema },
  },
  listAudit: {
    method: 'GET',
    path: '/v1/admin/audit',
    access: 'admin',
    summary: 'The audit log of administrative actions, newest first.',
    query: auditQuerySchema,
    responses: { 200: auditListSchema },
  },
  connectorStatus: {
    method: 'GET',
    path: '/v1/admin/connector',
    access: 'admin',
    summary: 'Each helpdesk connector: last mirror pass, high-water mark, lag, last error, engineers\' actions waiting for the helpdesk. Never a credential.',
    responses: { 200: connectorStatusSchema },
  },
});
