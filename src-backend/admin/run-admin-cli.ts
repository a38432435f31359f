import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Database } from '../db/database';
import type { AdminContext } from '../domain/policy-versions/admin-audit';
import { recordAdminAction } from './audit';
import { openAdminDatabase } from './open-admin-database';
import { RequestError } from '../support-center';
import { AdminUsageError, type AdminCommand } from './admin-command';
import { billingImportCommand } from './billing-import-command';
import { formatPolicies, formatRecompute, formatReplaced, policyRecompute, policyReplace, policyShow } from './policy-commands';

export const ADMIN_USAGE = `usage: npm run admin -- <group> <verb> [options]

  policy show                                  every workspace policy and its versions
  policy replace <file> --effective <instant>  a new version from a policy document (JSON), for
                                               tickets created from <instant> on (ISO 8601 with an
                                               offset, or "now"); never in the past
  policy recompute                             move open tickets still waiting for their first reply
                                               to the version in force now; lists the moved deadlines
  ${billingImportCommand.usage}

Options:
  --data <dir>   the backend's data folder (PGlite in <dir>/pglite); stop that backend first:
                 PGlite serves one process. Without it, DATABASE_URL names the PostgreSQL server.
  --json         print the result as JSON
  --help         this text`;

export interface AdminCliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Who the audit log names for a local run: the operating-system user. */
function localActor(): string {
  return `local:${userInfo().username}`;
}

async function readDocument(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, 'bad-request', `${file}: not JSON (${(error as Error).message})`, 'file');
  }
}

type Action = (db: Database, ctx: AdminContext) => Promise<{ json: unknown; text: string }>;

function policyAction(verb: string | undefined, positionals: string[], effective: string | undefined): Action {
  switch (verb) {
    case 'show':
      return async (db, ctx) => {
        const shown = await policyShow(db, ctx);
        return { json: shown, text: formatPolicies(shown) };
      };
    case 'replace': {
      const file = positionals[0];
      if (file === undefined || effective === undefined) throw new RequestError(400, 'bad-request', 'policy replace needs <file> and --effective <instant>');
      return async (db, ctx) => {
        const replaced = await policyReplace(db, ctx, await readDocument(file), effective);
        return { json: replaced, text: formatReplaced(replaced) };
      };
    }
    case 'recompute':
      return async (db, ctx) => {
        const report = await policyRecompute(db, ctx);
        return { json: report, text: formatRecompute(report) };
      };
    default:
      throw new RequestError(400, 'bad-request', `unknown command: policy ${verb ?? ''}`.trim());
  }
}

/** Commands that parse their own options; the policy group is parsed below. */
const COMMANDS: Record<string, AdminCommand> = { 'billing import': billingImportCommand };

async function runCommand(command: AdminCommand, argv: readonly string[], env: NodeJS.ProcessEnv, io: AdminCliIo): Promise<number> {
  try {
    return await command.run({ argv, env, out: io.out, err: io.err });
  } catch (error) {
    const usage = error instanceof AdminUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
    if (!usage) throw error;
    io.err(`error: ${(error as Error).message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
}

/**
 * Runs one admin command against the local database; returns the exit code (0 done, 1 refused or
 * failed, 2 a usage mistake). Refusals print the field and what was wrong, and change nothing.
 */
export async function runAdminCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: AdminCliIo, clock: () => Date = () => new Date()): Promise<number> {
  const command = COMMANDS[`${argv[0]} ${argv[1]}`];
  if (command !== undefined) return runCommand(command, argv.slice(2), env, io);
  let action: Action;
  let values;
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { data: { type: 'string' }, effective: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    });
    values = parsed.values;
    if (values.help === true) {
      io.out(ADMIN_USAGE);
      return 0;
    }
    const [group, verb, ...rest] = parsed.positionals;
    if (group !== 'policy') throw new RequestError(400, 'bad-request', `unknown command group: ${group ?? '(none)'}`);
    action = policyAction(verb, rest, values.effective);
  } catch (error) {
    io.err(`error: ${(error as Error).message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  let db: Database | null = null;
  try {
    db = await openAdminDatabase(values.data, env);
    const result = await action(db, { clock, actor: localActor(), recordAdminAction });
    io.out(values.json === true ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  } catch (error) {
    if (error instanceof AdminUsageError) {
      io.err(`error: ${error.message}\n\n${ADMIN_USAGE}`);
      return 2;
    }
    if (!(error instanceof RequestError)) throw error;
    io.err(`error: ${error.message}`);
    return 1;
  } finally {
    await db?.close();
  }
}
