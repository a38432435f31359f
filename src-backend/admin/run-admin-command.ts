import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { adminEndpoints } from '@shared/contract/endpoints/admin';
import { PolicyCache } from '../domain/policy-cache';
import { validateInput } from '../http/validate-input';
import { runAdminAction, type AdminActionInput, type AdminActionName } from './admin-actions';
import { AdminUsageError } from './admin-command';
import { commandOf, commandUsage } from './admin-commands';
import { openAdminDatabase } from './open-admin-database';
import { callEndpoint, type EndpointRequest } from './remote-client';

export const ADMIN_USAGE = `usage: npm run admin -- <command> [options] (--data <dir> | DATABASE_URL=... | --backend <url>) [--json]

${commandUsage()}

Where the workspace is:
  --data <dir>        the backend's data folder (PGlite in <dir>/pglite); stop that backend first
  DATABASE_URL=...    its PostgreSQL database (running instances see the change within 5 s)
  --backend <url>     a running backend, with an admin token from --token-file <path> or
                      SUPPORT_ADMIN_TOKEN (never on the command line, where ps would show it)
  --json              print the answer as JSON`;

/**
 * Parses the command line, runs the command's action on the database or through a backend, and
 * returns what to print. `clock` is the local run's clock (tests pass a fake one).
 */
export async function runAdminCommand(argv: readonly string[], env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): Promise<string> {
  const { values, positionals } = parse(argv);
  if (values.help === true || positionals.length === 0) return ADMIN_USAGE;
  if (values.token !== undefined) throw new AdminUsageError('--token is refused: a token on the command line shows in ps; use --token-file <path> or SUPPORT_ADMIN_TOKEN');
  const [group, verb, argument, ...rest] = positionals;
  const found = commandOf(`${group} ${verb ?? ''}`);
  if (found === undefined) throw new AdminUsageError(`unknown command: ${positionals.slice(0, 2).join(' ')}`);
  const { name, command } = found;
  if (rest.length > 0 || (argument !== undefined) !== (command.argument !== undefined)) {
    throw new AdminUsageError(command.argument === undefined ? `${command.words} takes no argument ${argument ?? ''}` : `${command.words} needs one ${command.argument}`);
  }
  const request = await command.request(values, argument);
  const output = values.backend === undefined ? await runLocally(name, request, values.data, env, clock) : await runRemotely(name, request, values, env);
  return values.json === true ? JSON.stringify(output ?? null, null, 2) : command.show(output as never, argument);
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' }, backend: { type: 'string' }, 'token-file': { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' },
        name: { type: 'string' }, email: { type: 'string' }, engineer: { type: 'string' }, admin: { type: 'boolean' }, label: { type: 'string' },
        'expires-in-days': { type: 'string' }, minutes: { type: 'string' }, limit: { type: 'string' }, before: { type: 'string' },
        effective: { type: 'string' }, help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new AdminUsageError((error as Error).message);
  }
}

/** On the database itself: the same action the endpoint runs, checked by the same declaration. */
async function runLocally(name: AdminActionName, request: EndpointRequest, dataDir: string | undefined, env: NodeJS.ProcessEnv, clock: () => Date): Promise<unknown> {
  const endpoint = adminEndpoints[name];
  const input = {
    params: 'params' in endpoint ? validateInput(endpoint.params, request.params ?? {}, 'path') : undefined,
    query: 'query' in endpoint ? validateInput(endpoint.query, request.query ?? {}, 'query') : undefined,
    body: 'body' in endpoint ? validateInput(endpoint.body, request.body, 'body') : undefined,
  } as AdminActionInput<typeof name>;
  // Every command can also reach a backend, so the missing place names --backend too.
  if (!env.DATABASE_URL?.trim() && dataDir === undefined) throw new AdminUsageError('say where the workspace is: --data <dir>, DATABASE_URL or --backend <url>');
  const db = await openAdminDatabase(dataDir, env);
  try {
    return await runAdminAction(db, name, input, { actor: `local:${userInfo().username}`, clock, policies: new PolicyCache(), helpdesk: null });
  } finally {
    await db.close();
  }
}

async function runRemotely(name: AdminActionName, request: EndpointRequest, values: { backend?: string; 'token-file'?: string }, env: NodeJS.ProcessEnv): Promise<unknown> {
  const file = values['token-file'];
  const token = file === undefined ? env.SUPPORT_ADMIN_TOKEN?.trim() : (await readFile(file, 'utf8')).trim();
  if (token === undefined || token === '') throw new AdminUsageError('--backend needs an admin token: --token-file <path> or SUPPORT_ADMIN_TOKEN');
  return callEndpoint(values.backend as string, token, adminEndpoints[name], request);
}
