import { runAdminCli } from './admin/run-admin-cli';
import { AdminUsageError } from './admin/admin-command';
import { ADMIN_USAGE, runAdminCommand } from './admin/run-admin-command';

/**
 * `npm run admin -- <group> <verb> [options]`: engineers, tokens, sign-in codes and the audit log,
 * on the database directly (--data, DATABASE_URL) or through a running backend (--backend); the
 * policy and billing groups on the database directly (their endpoints serve remote use).
 */
const argv = process.argv.slice(2);
const io = { out: (text: string) => process.stdout.write(`${text}\n`), err: (text: string) => process.stderr.write(`${text}\n`) };

if (argv[0] === 'policy' || argv[0] === 'billing') {
  runAdminCli(argv, process.env, io).then(
    (code) => process.exit(code),
    (error: unknown) => {
      io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
} else {
  runAdminCommand(argv, process.env).then(
    (output) => io.out(output),
    (error: unknown) => {
      const usage = error instanceof AdminUsageError;
      io.err(`error: ${error instanceof Error ? error.message : String(error)}${usage ? `\n\n${ADMIN_USAGE}` : ''}`);
      process.exit(usage ? 2 : 1);
    },
  );
}
