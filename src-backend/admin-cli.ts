import { billingImportCommand } from './admin/billing-import-command';
import { AdminUsageError, type AdminCommand } from './admin/admin-command';

/** Every admin command by group and verb; a new group is one more entry. */
const GROUPS: Record<string, Record<string, AdminCommand>> = {
  billing: { import: billingImportCommand },
};

const USAGE = [
  'usage: npm run admin -- <group> <verb> [options]',
  '',
  ...Object.values(GROUPS).flatMap((verbs) => Object.values(verbs).map((c) => `  ${c.usage}`)),
  '',
  'The workspace is the PostgreSQL server of DATABASE_URL, or the PGlite folder of --data <dir>',
  '(stop a backend using that folder first). --json prints the result as one JSON line.',
].join('\n');

/**
 * `npm run admin -- billing import export.csv --data .data/backend`: the vendor's administrative
 * actions on a workspace. Exit code 0 done, 1 refused (the reasons on stderr), 2 a usage mistake.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [group = '', verb = '', ...rest] = argv;
  if (group === '--help' || group === 'help' || group === '') {
    process.stdout.write(`${USAGE}\n`);
    return group === '' ? 2 : 0;
  }
  const command = GROUPS[group]?.[verb];
  if (command === undefined) throw new AdminUsageError(`unknown command ${JSON.stringify(`${group} ${verb}`.trim())}`);
  return command.run({ argv: rest, env: process.env, out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof AdminUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${usage ? `\n${USAGE}\n` : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
