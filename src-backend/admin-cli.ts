import { AdminUsageError } from './admin/admin-command';
import { ADMIN_USAGE, runAdminCommand } from './admin/run-admin-command';
import { BillingImportRejected, describeRowError } from './billing/row-errors';

/**
 * `npm run admin -- <group> <verb> [options]`: every administrative endpoint as a command, on the
 * database directly (--data, DATABASE_URL) or through a running backend (--backend). Exit code 0
 * done, 1 refused (nothing changed), 2 a usage mistake.
 */
function describe(error: unknown): string {
  if (error instanceof BillingImportRejected) return [error.message, ...error.rows.map((row) => `  ${describeRowError(row)}`)].join('\n');
  return error instanceof Error ? error.message : String(error);
}

runAdminCommand(process.argv.slice(2), process.env).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    const usage = error instanceof AdminUsageError;
    process.stderr.write(`error: ${describe(error)}${usage ? `\n\n${ADMIN_USAGE}` : ''}\n`);
    process.exit(usage ? 2 : 1);
  },
);
