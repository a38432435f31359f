import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema } from '@shared/contract';
import { openDatabase } from '../../../src-backend/db/open-database';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { modesUnder, openToOthers } from '../../support/file-modes';
import { shownTokens, waitUntil } from '../../support/backend-process';
import type { TestDatabaseTarget } from '../../fixtures/test-databases';
import { forEachDatabase } from './test-server';

interface Started {
  url: string;
  database: string;
  workspace: 'new' | 'demo' | 'existing';
}

interface CliRun {
  child: ChildProcess;
  /** The JSON line on stdout. */
  started: Promise<Started>;
  exited: Promise<{ code: number | null; stderr: string }>;
  /** What it has written to stderr so far. */
  stderr(): string;
}

/** `npm run backend` without npm in between, so signals reach the server itself. */
function runCli(args: string[], databaseUrl: string | null): CliRun {
  const { DATABASE_URL: _url, LOGIN_DETAILS_KEY: _key, ...env } = process.env;
  if (databaseUrl !== null) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-backend/cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  const started = new Promise<Started>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Started));
    void exited.then(({ code }) => reject(new Error(`exited with ${code} before printing its line:\n${stderr}`)));
  });
  // A run that is expected to fail never prints its line; that is not an unhandled rejection.
  started.catch(() => undefined);
  return { child, started, exited, stderr: () => stderr };
}

async function syncWorks(started: Started, engineerToken: string | null): Promise<void> {
  const response = await fetch(`${started.url}/v1/sync?limit=5`, { headers: { Authorization: `Bearer ${engineerToken}` } });
  expect(response.status).toBe(200);
  syncPageSchema.parse(await response.json());
}

/**
 * A data folder of the suite's own and, on PostgreSQL, a database of its own (the folder then
 * holds only the key); both gone after the suite.
 */
function freshData(target: TestDatabaseTarget, prefix: string): { dataDir(): string; url(): string | null } {
  let dataDir = '';
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), prefix));
    if (target.name === 'PostgreSQL') scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  });
  return { dataDir: () => dataDir, url: () => scratch?.url ?? null };
}

forEachDatabase('npm run backend', (target) => {
  const data = freshData(target, 'backend-cli-');
  const url = data.url;

  describe('npm run backend', () => {
    it('refuses an unknown flag with a clear message', async () => {
      const { code, stderr } = await runCli(['--port', '0', '--prot', '8080'], url()).exited;
      expect(code).toBe(2);
      expect(stderr).toMatch(/unknown option --prot/);
      expect(stderr).toMatch(/usage:/);
      // Starting Node with tsx takes seconds on a busy machine.
    }, 30_000);

    let shown: ReturnType<typeof shownTokens>;
    it('seeds a data folder, serves it, keeps the key outside the database, and stops on SIGTERM', async () => {
      const run = runCli(['--port', '0', '--data', data.dataDir(), '--seed', '5'], url());
      const started = await run.started;
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.database).toBe(url() === null ? `PGlite (${join(data.dataDir(), 'pglite')})` : `PostgreSQL (${new URL(url() as string).host})`);
      expect(started.workspace).toBe('demo');
      const keyFile = await stat(join(data.dataDir(), 'login-details.key'));
      if (process.platform !== 'win32') expect(keyFile.mode & 0o777).toBe(0o600);
      run.child.kill('SIGTERM');
      const { code, stderr } = await run.exited;
      expect(code).toBe(0);
      // The demo's tokens are on the terminal, labelled as the demo's, and in no log line.
      expect(stderr).toMatch(/^DEMO workspace/m);
      shown = shownTokens(stderr);
      expect(shown.adminToken).toMatch(/^sa_/);
      expect(shown.engineerToken).toMatch(/^sa_/);
      expect(logLines(stderr).join('\n')).not.toMatch(/sa_/);
    }, 90_000);

    it.skipIf(process.platform === 'win32')('keeps every folder and file of a fresh data folder owner-only, through writes and a restart', async () => {
      const fresh = join(data.dataDir(), 'fresh', 'data');
      // PGlite: the fresh folder is a new workspace, whose first start shows its tokens. PostgreSQL:
      // the folder holds the key only, and the suite's database has the tokens shown before.
      let tokens: ReturnType<typeof shownTokens> | null = url() === null ? null : shown;
      /** Engineer notes on a seeded ticket, and a retention run: writes that go through the database's files. */
      const writeSome = async (started: Started, given: { adminToken: string | null; engineerToken: string | null }, n: number) => {
        const auth = { Authorization: `Bearer ${given.engineerToken}` };
        const page = syncPageSchema.parse(await (await fetch(`${started.url}/v1/sync?limit=200`, { headers: auth })).json());
        const ticket = page.changes.find((c) => c.op === 'upsert' && c.entity === 'ticket');
        expect(ticket).toBeDefined();
        const mutations = Array.from({ length: n }, (_, i) => ({ kind: 'note', idempotencyKey: `modes-${Date.now()}-${i}`, ticketId: ticket?.op === 'upsert' ? ticket.id : '', body: `Note ${i}` }));
        const applied = await fetch(`${started.url}/v1/mutations`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ mutations }) });
        expect(applied.status).toBe(200);
        const retention = await fetch(`${started.url}/v1/admin/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${given.adminToken}` } });
        expect(retention.status).toBe(200);
      };
      for (const round of [1, 2]) {
        const run = runCli(['--port', '0', '--data', fresh, '--seed', '20'], url());
        const started = await run.started;
        if (tokens === null) await waitUntil(() => shownTokens(run.stderr()).adminToken !== null);
        tokens ??= shownTokens(run.stderr());
        await writeSome(started, tokens, 20);
        expect(openToOthers(await modesUnder(fresh)), `while running, start ${round}`).toEqual({});
        run.child.kill('SIGTERM');
        expect((await run.exited).code).toBe(0);
        const modes = await modesUnder(fresh);
        expect(openToOthers(modes), `after stopping, start ${round}`).toEqual({});
        expect(modes['login-details.key']).toBe('file 600');
        if (url() === null) expect(Object.keys(modes).filter((path) => path.startsWith('pglite/')).length).toBeGreaterThan(100);
      }
    }, 180_000);

    it.skipIf(process.platform === 'win32')('refuses a key file other users may read, naming the chmod to run', async () => {
      const keyFile = join(data.dataDir(), 'shared.key');
      await writeFile(keyFile, `${'ab'.repeat(32)}\n`);
      await chmod(keyFile, 0o644);
      const { code, stderr } = await runCli(['--port', '0', '--key-file', keyFile], url()).exited;
      expect(code).toBe(1);
      expect(stderr).toContain(`the login-detail key file ${keyFile} is open to other users (mode 644)`);
      expect(stderr).toContain(`chmod 600 ${keyFile}`);
    }, 30_000);

    it('on existing data, seeds nothing, shows no token, and the tokens shown before still work', async () => {
      const run = runCli(['--port', '0', '--data', data.dataDir(), '--seed', '5'], url());
      const started = await run.started;
      expect(started.workspace).toBe('existing');
      await syncWorks(started, shown.engineerToken);
      const admin = await fetch(`${started.url}/v1/admin/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${shown.adminToken}` } });
      expect(admin.status).toBe(200);
      run.child.kill('SIGINT');
      const { code, stderr } = await run.exited;
      expect(code).toBe(0);
      expect(stderr).toMatch(/not seeding/);
      expect(stderr).not.toMatch(/sa_|token:/);
    }, 90_000);
  });
});

forEachDatabase('npm run backend on an empty database', (target) => {
  const data = freshData(target, 'backend-first-start-');

  it('sets up a workspace: the policy presets and one admin token, shown once and only on the terminal', async () => {
    const first = runCli(['--port', '0', '--data', data.dataDir()], data.url());
    const started = await first.started;
    expect(started.workspace).toBe('new');
    expect(JSON.stringify(started)).not.toMatch(/sa_/);
    first.child.kill('SIGTERM');
    const { stderr } = await first.exited;
    const { adminToken, engineerToken } = shownTokens(stderr);
    expect(adminToken).toMatch(/^sa_/);
    expect(engineerToken).toBeNull();
    expect(stderr.split(adminToken as string)).toHaveLength(2);
    expect(logLines(stderr).join('\n')).not.toContain(adminToken);

    const again = runCli(['--port', '0', '--data', data.dataDir()], data.url());
    expect((await again.started).workspace).toBe('existing');
    const admin = await fetch(`${(await again.started).url}/v1/admin/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${adminToken}` } });
    expect(admin.status).toBe(200);
    again.child.kill('SIGTERM');
    expect((await again.exited).stderr).not.toMatch(/sa_|token:/);

    const db = await openDatabase({ databaseUrl: data.url(), dataDir: join(data.dataDir(), 'pglite') });
    try {
      const { rows } = await db.query<{ policies: string[]; tokens: string[] }>(
        'SELECT (SELECT array_agg(id ORDER BY id) FROM policies) AS policies, (SELECT array_agg(role) FROM api_tokens) AS tokens',
      );
      expect(rows[0]).toEqual({ policies: ['plan-sla', 'subscription-scope'], tokens: ['admin'] });
    } finally {
      await db.close();
    }
  }, 120_000);
});

/** The JSON log lines of a run's stderr (the credential banner is not one). */
function logLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('{'));
}
