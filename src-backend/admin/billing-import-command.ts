import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { auditImport } from '../billing/audit-import';
import { MAX_BILLING_IMPORT_BYTES, type BillingImportSummary } from '@shared/contract';
import { importBilling, importChangedAnything } from '../billing/import-billing';
import { BillingImportRejected, describeRowError } from '../billing/row-errors';
import { notifyingWrite } from '../db/notifying-write';
import { PolicyCache } from '../domain/policy-cache';
import { AdminUsageError, type AdminCommand } from './admin-command';
import { openAdminDatabase } from './open-admin-database';

function describeSummary(file: string, s: BillingImportSummary): string {
  const counts = (c: BillingImportSummary['accounts']): string => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  return [
    `imported ${file}`,
    `  accounts:      ${counts(s.accounts)}`,
    `  subscriptions: ${counts(s.subscriptions)}`,
    `  tickets derived again: ${s.ticketsRederived}`,
    `  credits:       ${s.credits.created} created, ${s.credits.updated} updated, ${s.credits.deleted} deleted`,
  ].join('\n');
}

async function readExport(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_BILLING_IMPORT_BYTES) throw new AdminUsageError(`${file} is ${size} bytes; an import takes at most ${MAX_BILLING_IMPORT_BYTES}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    throw new AdminUsageError(`${file} is not valid UTF-8`);
  }
}

/** `billing import <file.csv> [--data <dir>] [--json]`: the same import as POST /v1/admin/billing/import. */
export const billingImportCommand: AdminCommand = {
  usage: 'billing import <file.csv> [--data <dir>] [--json]   import accounts and subscriptions (docs/billing-import.md)',
  async run({ argv, env, out, err }) {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw new AdminUsageError('billing import takes one file: billing import <file.csv>');
    const csv = await readExport(file);
    const db = await openAdminDatabase(values.data, env);
    try {
      const policies = new PolicyCache();
      const summary = await notifyingWrite(db, (tx) => importBilling(tx, policies, csv, { now: new Date(), onImported: auditImport(`local:${userInfo().username}`) }), importChangedAnything);
      out(values.json ? JSON.stringify(summary) : describeSummary(file, summary));
      return 0;
    } catch (error) {
      if (!(error instanceof BillingImportRejected)) throw error;
      if (values.json) out(JSON.stringify({ error: { code: 'bad-request', message: error.message, rows: error.rows } }));
      else err([`${file}: ${error.message}`, ...error.rows.map((r) => `  ${describeRowError(r)}`)].join('\n'));
      return 1;
    } finally {
      await db.close();
    }
  },
};
