import { ADMIN_USAGE, AdminUsageError, runAdminCommand } from './admin/run-admin-command';

/**
 * `npm run admin -- <group> <verb> [options]`: engineers, tokens, sign-in codes and the audit log,
 * on the database directly (--data, DATABASE_URL) or through a running backend (--backend).
 */
runAdminCommand(process.argv.slice(2), process.env).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: unknown) => {
    const usage = error instanceof AdminUsageError;
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${usage ? `\n${ADMIN_USAGE}\n` : ''}`);
    process.exit(usage ? 2 : 1);
  },
);
