import { auditImport } from '../billing/audit-import';
import { importBilling } from '../billing/import-billing';
import { runRetentionJob } from '../domain/login-details';
import { terminateAccount } from '../domain/terminate-account';
import type { Actions } from './admin-actions';
import { recordAdminAction } from './audit';

/** The vendor's side of customers' accounts: termination, the retention job on demand, billing imports. */
export const accountActions: Actions<'terminateAccount' | 'runRetention' | 'importBilling'> = {
  async terminateAccount(tx, { actor }, { params }) {
    const { before, after } = await terminateAccount(tx, params.id);
    await recordAdminAction(tx, { actor, action: 'account.terminate', target: params.id, before, after });
    return undefined;
  },
  async runRetention(tx, { actor, clock }) {
    // An admin run waits for one under way, so it always runs: null never comes back here.
    const deleted = (await runRetentionJob(tx, clock(), { kind: 'admin' })) ?? 0;
    await recordAdminAction(tx, { actor, action: 'retention.run', target: null, before: null, after: { deleted } });
    return { deleted };
  },
  importBilling: (tx, { actor, clock, policies }, { body }) => importBilling(tx, policies, body, { now: clock(), onImported: auditImport(actor) }),
};
