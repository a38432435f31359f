import { retentionRunResultSchema } from '../portal';
import { defineEndpoints } from './define-endpoints';
import { idParams } from './path-params';

/** The vendor's side (admin token). */
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
});
