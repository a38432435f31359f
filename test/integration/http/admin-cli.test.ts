import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from '@shared/policy';
import { adminCommands } from '../../../src-backend/admin/admin-commands';
import { runAdminCommand } from '../../../src-backend/admin/run-admin-command';
import { BillingImportRejected } from '../../../src-backend/billing/row-errors';
import { openDatabase } from '../../../src-backend/db/open-database';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { createScratchDatabase, postgresUrl } from '../../fixtures/test-databases';
import { startTestServer, type TestServer } from './test-server';

interface Place {
  name: string;
  skip: boolean;
  /** Sets the workspace up; returns the arguments and environment that name it, and how to take it down. */
  open(dir: string): Promise<{ args: string[]; env: NodeJS.ProcessEnv; close(): Promise<void> }>;
}

const places: Place[] = [
  {
    name: 'a PGlite data folder (--data)',
    skip: false,
    async open(dir) {
      const db = await openDatabase({ dataDir: join(dir, 'pglite') });
      await createSmallWorkspace(db);
      await db.close();
      return { args: ['--data', dir], env: {}, close: async () => {} };
    },
  },
  {
    name: 'PostgreSQL (DATABASE_URL)',
    skip: postgresUrl === null,
    async open() {
      const scratch = await createScratchDatabase();
      const db = await openDatabase({ databaseUrl: scratch.url });
      await createSmallWorkspace(db);
      await db.close();
      return { args: [], env: { DATABASE_URL: scratch.url }, close: scratch.drop };
    },
  },
  {
    name: 'a running backend (--backend, SUPPORT_ADMIN_TOKEN)',
    skip: false,
    async open() {
      const server: TestServer = await startTestServer();
      return { args: ['--backend', server.url], env: { SUPPORT_ADMIN_TOKEN: server.tokens.admin }, close: () => server.stop() };
    },
  },
];

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

/**
 * Every admin command, the same way on the database and through a backend. Each step names the
 * command it runs: the last test checks that every command of the table ran.
 */
for (const place of places) {
  describe.skipIf(place.skip)(`npm run admin, every command, on ${place.name}`, { timeout: 120_000 }, () => {
    let dir: string;
    let where: Awaited<ReturnType<Place['open']>>;
    const ran = new Set<string>();
    const admin = (...argv: string[]) => {
      ran.add(argv.slice(0, 2).join(' '));
      return runAdminCommand([...argv, ...where.args], where.env);
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'admin-cli-'));
      where = await place.open(dir);
      await writeFile(join(dir, 'policy.json'), JSON.stringify(presets.planSla({ hours: { start: '08:00', end: '16:00' } })));
      await writeFile(join(dir, 'bad-policy.json'), JSON.stringify({ ...presets.planSla(), calendar: { ...presets.planSla().calendar, week: { ...presets.planSla().calendar.week, 3: [{ start: '09:00', end: '25:00' }] } } }));
      await writeFile(join(dir, 'good.csv'), 'event,account_id,holder_name,holder_email\naccount,acc-cli,Cleo Cli,cleo@cli.test\n');
      await writeFile(join(dir, 'bad.csv'), 'event,account_id,holder_name,holder_email\naccount,acc-cli,Cleo Cli,cleo@cli.test\naccount,acc-cli2,Cleo,nope\n');
    }, 60_000);
    afterAll(async () => {
      await where.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('engineers: list, add, disable, enable', async () => {
      expect(await admin('engineers', 'list')).toContain('eng-ana  Ana Silva <ana@vendor.test>');
      expect(await admin('engineers', 'add', '--name', 'Uma Vos', '--email', 'uma@vendor.test')).toMatch(/^added eng-\w+ {2}Uma Vos <uma@vendor.test>$/m);
      await expect(admin('engineers', 'add', '--name', 'Uma Two', '--email', 'uma@vendor.test')).rejects.toThrow(/email: an engineer with uma@vendor.test already exists/);
      expect(await admin('engineers', 'disable', 'eng-ben')).toBe('eng-ben  Ben Okafor <ben@vendor.test>  (disabled)');
      expect(await admin('engineers', 'enable', 'eng-ben')).toBe('eng-ben  Ben Okafor <ben@vendor.test>');
    });

    it('tokens and sign-in codes: issue, list, revoke', async () => {
      const issued = await admin('tokens', 'issue', '--admin', '--label', 'ops');
      const token = /sa_\S+$/.exec(issued)?.[0] as string;
      const listed = await admin('tokens', 'list');
      expect(listed).toMatch(/tok_\w+ {2}admin {4}active {12}ops/);
      expect(listed).not.toContain(token);
      const id = /^(tok_\w+) {2}admin {4}active {12}ops/m.exec(listed)?.[1] as string;
      expect(await admin('tokens', 'revoke', id)).toMatch(/revoked/);
      expect(await admin('sign-in-codes', 'issue', '--engineer', 'eng-ana')).toMatch(/^sign-in code for eng-ana: [0-9A-Z]{5}-[0-9A-Z]{5}$/m);
    });

    it('policy: show, a refused replacement naming the path in the file, replace, recompute', async () => {
      expect(await admin('policy', 'show')).toMatch(/^plan-sla {2}Plan-based SLA {2}\(version 1 in force at /m);
      await expect(admin('policy', 'replace', join(dir, 'bad-policy.json'), '--effective', inAWeek())).rejects.toThrow(/^policy\.calendar\.week\.3\[0\]\.end: /);
      await expect(admin('policy', 'replace', join(dir, 'policy.json'), '--effective', '2020-01-01T00:00:00Z')).rejects.toThrow(/effectiveFrom: must not lie in the past/);
      expect(await admin('policy', 'replace', join(dir, 'policy.json'), '--effective', inAWeek())).toContain('plan-sla version 2, from ');
      const versions = JSON.parse(await admin('policy', 'show', '--json')) as { policies: { id: string; versions: unknown[] }[] };
      expect(versions.policies.find((p) => p.id === 'plan-sla')?.versions).toHaveLength(2);
      expect(await admin('policy', 'recompute')).toMatch(/open ticket\(s\) moved to the version in force at /);
    });

    it('billing: a wrong file is refused naming line and field, a good one imported', async () => {
      const refused = await admin('billing', 'import', join(dir, 'bad.csv')).then(() => null, (error: unknown) => error);
      expect(refused).toBeInstanceOf(BillingImportRejected);
      expect((refused as BillingImportRejected).rows).toEqual([{ line: 3, field: 'holder_email', message: 'expected an e-mail address' }]);
      expect(await admin('billing', 'import', join(dir, 'good.csv'))).toContain('  accounts:      1 created, 0 updated, 0 unchanged');
    });

    it('accounts and retention: terminate, run', async () => {
      expect(await admin('accounts', 'terminate', 'acc-scope')).toBe('terminated acc-scope: its support history is deleted on every app');
      await expect(admin('accounts', 'terminate', 'acc-nobody')).rejects.toThrow(/account acc-nobody does not exist/);
      expect(await admin('retention', 'run')).toMatch(/^deleted \d+ login detail\(s\) past their 30 days$/);
    });

    it('connector: its status, which says when none is configured', async () => {
      expect(await admin('connector', 'status')).toMatch(/^no helpdesk connector is configured: start the backend with --connector <file\.json>/);
    });

    it('audit: every action above is in the log, under the one actor', async () => {
      const audit = await admin('audit', 'list', '--limit', '100');
      const actor = place.name.includes('backend') ? /admin-token:tok_\w+/ : /local:\S+/;
      for (const action of ['engineer.add', 'engineer.disable', 'engineer.enable', 'token.issue', 'token.revoke', 'sign-in-code.issue', 'policy.replace', 'policy.recompute', 'billing.import', 'account.terminate', 'retention.run']) {
        expect(audit).toMatch(new RegExp(`${actor.source} {2}${action.replace('.', '\\.')}`));
      }
    });

    it('ran every command of the table', () => {
      expect([...ran].sort()).toEqual(Object.values(adminCommands).map((c) => c.words).sort());
    });
  });
}

describe('npm run admin, usage', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'admin-cli-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('lists every command once', async () => {
    const usage = await runAdminCommand(['--help'], {});
    for (const { words } of Object.values(adminCommands)) expect(usage.split('\n').filter((line) => line.startsWith(`  ${words} `))).toHaveLength(1);
  });

  it('refuses a token on the command line, an unknown command, a missing place and bad input, naming each', async () => {
    await expect(runAdminCommand(['tokens', 'list', '--backend', 'http://127.0.0.1:9', '--token', 'sa_x'], {})).rejects.toThrow(/--token is refused/);
    await expect(runAdminCommand(['tokens', 'burn'], {})).rejects.toThrow(/unknown command: tokens burn/);
    await expect(runAdminCommand(['tokens', 'list'], {})).rejects.toThrow(/--data <dir>, DATABASE_URL or --backend/);
    await expect(runAdminCommand(['tokens', 'revoke', '--data', folder], {})).rejects.toThrow(/needs one <token-id>/);
    await expect(runAdminCommand(['policy', 'replace', join(folder, 'none.json'), '--data', folder], {})).rejects.toThrow(/needs <file.json> and --effective/);
    await expect(runAdminCommand(['billing', 'import', join(folder, 'none.csv'), '--data', folder], {})).rejects.toThrow(/none.csv cannot be read/);
    await expect(runAdminCommand(['sign-in-codes', 'issue', '--engineer', 'eng-ana', '--minutes', '90', '--data', folder], {})).rejects.toThrow(/^minutes: /);
  });
});
