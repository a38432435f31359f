import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-backend/db/open-database';
import { runAdminCommand } from '../../../src-backend/admin/run-admin-command';
import { startTestServer, type TestServer } from './test-server';

/** `npm run admin`'s two ways in: through a running backend, and on a PGlite data folder. */
describe('npm run admin', () => {
  let t: TestServer;
  let folder: string;
  beforeAll(async () => {
    t = await startTestServer();
    folder = await mkdtemp(join(tmpdir(), 'admin-cli-'));
    await mkdir(join(folder, 'data'));
    await (await openDatabase({ dataDir: join(folder, 'data', 'pglite') })).close();
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('through a backend, with the admin token from a file: adds an engineer and issues a code', async () => {
    const tokenFile = join(folder, 'admin.token');
    await writeFile(tokenFile, `${t.tokens.admin}\n`, { mode: 0o600 });
    const remote = ['--backend', t.url, '--token-file', tokenFile];
    const added = JSON.parse(await runAdminCommand(['engineers', 'add', '--name', 'Uma Vos', '--email', 'uma@vendor.test', ...remote, '--json'], {})) as { id: string };
    expect(await runAdminCommand(['engineers', 'list', ...remote], {})).toContain(`${added.id}  Uma Vos <uma@vendor.test>`);
    expect(await runAdminCommand(['sign-in-codes', 'issue', '--engineer', added.id, ...remote], {})).toMatch(/^sign-in code for eng-\w+: [0-9A-Z]{5}-[0-9A-Z]{5}$/m);
    const audit = await runAdminCommand(['audit', 'list', '--backend', t.url], { SUPPORT_ADMIN_TOKEN: t.tokens.admin });
    expect(audit).toMatch(/admin-token:tok_\w+ {2}sign-in-code.issue/);
    await expect(runAdminCommand(['engineers', 'add', '--name', 'Uma Two', '--email', 'uma@vendor.test', ...remote], {})).rejects.toThrow(/email: an engineer with uma@vendor.test already exists/);
  });

  it('on the data folder: the same actions, audited as the local user', async () => {
    const local = ['--data', join(folder, 'data')];
    const issued = await runAdminCommand(['tokens', 'issue', '--admin', '--label', 'ops', ...local], {});
    expect(issued).toMatch(/token \(shown this once, only its hash is kept\): sa_\S+$/);
    const token = /sa_\S+$/.exec(issued)?.[0] as string;
    const listed = await runAdminCommand(['tokens', 'list', ...local], {});
    expect(listed).toMatch(/tok_\w+ {2}admin {4}active {12}ops/);
    expect(listed).not.toContain(token);
    const id = /tok_\w+/.exec(listed)?.[0] as string;
    expect(await runAdminCommand(['tokens', 'revoke', id, ...local], {})).toMatch(/revoked/);
    expect(await runAdminCommand(['audit', 'list', ...local], {})).toMatch(/local:\S+ {2}token.revoke/);
  }, 60_000);

  it('refuses a token on the command line, an unknown command, a missing place and bad input, naming each', async () => {
    await expect(runAdminCommand(['tokens', 'list', '--backend', t.url, '--token', t.tokens.admin], {})).rejects.toThrow(/--token is refused/);
    await expect(runAdminCommand(['tokens', 'burn'], {})).rejects.toThrow(/unknown command: tokens burn/);
    await expect(runAdminCommand(['tokens', 'list'], {})).rejects.toThrow(/--data <dir>, DATABASE_URL or --backend/);
    await expect(runAdminCommand(['tokens', 'revoke', '--data', folder], {})).rejects.toThrow(/needs one id/);
    await expect(runAdminCommand(['sign-in-codes', 'issue', '--engineer', 'eng-ana', '--minutes', '90', '--data', join(folder, 'data')], {})).rejects.toThrow(/^minutes: /);
  }, 60_000);
});
