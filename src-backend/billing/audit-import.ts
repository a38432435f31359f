import { recordAdminAction } from '../admin/audit';
import type { BillingImportOptions } from './import-billing';

/** Every import is one audit entry: every row it wrote (none for a file already imported), as it was and as it is. */
export function auditImport(actor: string): NonNullable<BillingImportOptions['onImported']> {
  return (tx, { summary, changes }) =>
    recordAdminAction(tx, {
      actor,
      action: 'billing.import',
      target: null,
      before: changes.map(({ entity, id, before }) => ({ entity, id, row: before })),
      after: { summary, rows: changes.map(({ entity, id, after }) => ({ entity, id, row: after })) },
    });
}
