import { runAdminCli } from './admin/run-admin-cli';

/**
 * `npm run admin -- <group> <verb> [options]`: administering a workspace from the shell, on the
 * backend's own database (`--data <dir>` or DATABASE_URL). See docs/policy-administration.md.
 */
runAdminCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
