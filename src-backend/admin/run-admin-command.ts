import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { endpoints } from '@shared/contract/endpoints';
import { validateInput } from '../http/validate-input';
import { runAdminAction, type AdminActionInput, type AdminActionName } from './admin-actions';
import { AdminUsageError } from './admin-command';
import { adminCommands } from './admin-commands';
import { openAdminDatabase } from './open-admin-database';
import { callEndpoint, type EndpointRequest } from './remote-client';

export const ADMIN_USAGE = `usage: npm run admin -- <command> [options] (--data <dir> | DATABASE_URL=... | --backend <url>) [--json]

  engineers list
  engineers add --name <name> --email <address>
  engineers disable <engineer-id>       engineers enable <engineer-id>
  tokens list
  tokens issue --engineer <engineer-id> [--expires-in-days <n>]
  tokens issue --admin --label <whose> [--expires-in-days <n>]
  tokens revoke <token-id>
  sign-in-codes issue --engineer <engineer-id> [--minutes <1-60>]
  audit list [--limit <n>] [--before <entry-id>]
  connector status                      mirror progress, lag, last error, actions waiting
                                        (--backend adds the connector's URL and mirror lock)
  policy show | policy replace <file> --effective <instant> | policy recompute   (--data or DATABASE_URL)
  billing import <file.csv>                                                      (--data or DATABASE_URL)

Where the workspace is:
  --data <dir>        the backend's data folder (PGlite in <dir>/pglite); stop that backend first
  DATABASE_URL=...    its PostgreSQL database (running instances see the change within 5 s)
  --backend <url>     a running backend, with an admin token from --token-file <path> or
                      SUPPORT_ADMIN_TOKEN (never on the command line, where ps would show it)
  --json              print the answer as JSON`;


/** Parses the command line, runs the action locally or remotely, and returns what to print. */
export async function runAdminCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { values, positionals } = parse(argv);
  if (values.help === true || positionals.length === 0) return ADMIN_USAGE;
  if (values.token !== undefined) throw new AdminUsageError('--token is refused: a token on the command line shows in ps; use --token-file <path> or SUPPORT_ADMIN_TOKEN');
  const [group, verb, id, ...rest] = positionals;
  const command = adminCommands[`${group} ${verb ?? ''}`];
  if (command === undefined) throw new AdminUsageError(`unknown command: ${positionals.slice(0, 2).join(' ')}`);
  if (rest.length > 0 || (id !== undefined) !== (command.takesId === true)) {
    throw new AdminUsageError(command.takesId === true ? `${group} ${verb} needs one id` : `${group} ${verb} takes no argument ${id ?? ''}`);
  }
  const request = command.request(values, id);
  const output = values.backend === undefined ? await runLocally(command.action, request, values.data, env) : await runRemotely(command.action, request, values, env);
  return values.json === true ? JSON.stringify(output, null, 2) : command.show(output);
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
        'expires-in-days': { type: 'string' }, minutes: { type: 'string' }, limit: { type: 'string' }, before: { type: 'string' }, help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new AdminUsageError((error as Error).message);
  }
}

/** On the database itself: the same action the endpoint runs, checked by the same declaration. */
async function runLocally(name: AdminActionName, request: EndpointRequest, dataDir: string | undefined, env: NodeJS.ProcessEnv): Promise<unknown> {
  const endpoint = endpoints[name];
  const input = {
    params: 'params' in endpoint ? validateInput(endpoint.params, request.params ?? {}, 'path') : undefined,
    query: 'query' in endpoint ? validateInput(endpoint.query, request.query ?? {}, 'query') : undefined,
    body: 'body' in endpoint ? validateInput(endpoint.body, request.body, 'body') : undefined,
  } as AdminActionInput<typeof name>;
  // These commands can also reach a backend, so the missing place names --backend too.
  if (!env.DATABASE_URL?.trim() && dataDir === undefined) throw new AdminUsageError('say where the workspace is: --data <dir>, DATABASE_URL or --backend <url>');
  const db = await openAdminDatabase(dataDir, env);
  try {
    return await runAdminAction(db, name, `local:${userInfo().username}`, input, new Date());
  } finally {
    await db.close();
  }
}

async function runRemotely(name: AdminActionName, request: EndpointRequest, values: { backend?: string; 'token-file'?: string }, env: NodeJS.ProcessEnv): Promise<unknown> {
  const file = values['token-file'];
  const token = file === undefined ? env.SUPPORT_ADMIN_TOKEN?.trim() : (await readFile(file, 'utf8')).trim();
  if (token === undefined || token === '') throw new AdminUsageError('--backend needs an admin token: --token-file <path> or SUPPORT_ADMIN_TOKEN');
  return callEndpoint(values.backend as string, token, endpoints[name], request);
}
