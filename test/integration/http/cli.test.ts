import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema } from '@shared/contract';
import { openDatabase } from '../../../src-backend/db/open-database';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { shownTokens } from '../../support/backend-process';
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
  return { child, started, exited };
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
