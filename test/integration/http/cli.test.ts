import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPageSchema } from '@shared/contract';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { modesUnder, openToOthers } from '../../support/file-modes';
import { forEachDatabase } from './test-server';

interface Started {
  url: string;
  engineerToken: string | null;
  adminToken: string;
  database: string;
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

async function syncWorks(started: Started): Promise<void> {
  const response = await fetch(`${started.url}/v1/sync?limit=5`, { headers: { Authorization: `Bearer ${started.engineerToken}` } });
  expect(response.status).toBe(200);
  syncPageSchema.parse(await response.json());
}

forEachDatabase('npm run backend', (target) => {
  let dataDir: string;
  /** On PostgreSQL, a database of the suite's own; the data folder then holds only the key. */
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'backend-cli-'));
    if (target.name === 'PostgreSQL') scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  });
  const url = () => scratch?.url ?? null;

  describe('npm run backend', () => {
    it('refuses an unknown flag with a clear message', async () => {
      const { code, stderr } = await runCli(['--port', '0', '--prot', '8080'], url()).exited;
      expect(code).toBe(2);
      expect(stderr).toMatch(/unknown option --prot/);
      expect(stderr).toMatch(/usage:/);
      // Starting Node with tsx takes seconds on a busy machine.
    }, 30_000);

    it('seeds a data folder, serves it, keeps the key outside the database, and stops on SIGTERM', async () => {
      const run = runCli(['--port', '0', '--data', dataDir, '--seed', '5'], url());
      const started = await run.started;
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.database).toBe(scratch === null ? `PGlite (${join(dataDir, 'pglite')})` : `PostgreSQL (${new URL(scratch.url).host})`);
      expect(started.engineerToken).toMatch(/^sa_/);
      await syncWorks(started);
      const keyFile = await stat(join(dataDir, 'login-details.key'));
      if (process.platform !== 'win32') expect(keyFile.mode & 0o777).toBe(0o600);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    }, 90_000);

    it.skipIf(process.platform === 'win32')('keeps every folder and file of a fresh data folder owner-only, through writes and a restart', async () => {
      const fresh = join(dataDir, 'fresh', 'data');
      /** Engineer notes on a seeded ticket, and a retention run: writes that go through the database's files. */
      const writeSome = async (started: Started, n: number) => {
        const auth = { Authorization: `Bearer ${started.engineerToken}` };
        const page = syncPageSchema.parse(await (await fetch(`${started.url}/v1/sync?limit=200`, { headers: auth })).json());
        const ticket = page.changes.find((c) => c.op === 'upsert' && c.entity === 'ticket');
        expect(ticket).toBeDefined();
        const mutations = Array.from({ length: n }, (_, i) => ({ kind: 'note', idempotencyKey: `modes-${Date.now()}-${i}`, ticketId: ticket?.op === 'upsert' ? ticket.id : '', body: `Note ${i}` }));
        const applied = await fetch(`${started.url}/v1/mutations`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ mutations }) });
        expect(applied.status).toBe(200);
        const retention = await fetch(`${started.url}/v1/admin/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${started.adminToken}` } });
        expect(retention.status).toBe(200);
      };
      for (const round of [1, 2]) {
        const run = runCli(['--port', '0', '--data', fresh, '--seed', '20'], url());
        const started = await run.started;
        await writeSome(started, 20);
        expect(openToOthers(await modesUnder(fresh)), `while running, start ${round}`).toEqual({});
        run.child.kill('SIGTERM');
        expect((await run.exited).code).toBe(0);
        const modes = await modesUnder(fresh);
        expect(openToOthers(modes), `after stopping, start ${round}`).toEqual({});
        expect(modes['login-details.key']).toBe('file 600');
        if (scratch === null) expect(Object.keys(modes).filter((path) => path.startsWith('pglite/')).length).toBeGreaterThan(100);
      }
    }, 180_000);

    it.skipIf(process.platform === 'win32')('refuses a key file other users may read, naming the chmod to run', async () => {
      const keyFile = join(dataDir, 'shared.key');
      await writeFile(keyFile, `${'ab'.repeat(32)}\n`);
      await chmod(keyFile, 0o644);
      const { code, stderr } = await runCli(['--port', '0', '--key-file', keyFile], url()).exited;
      expect(code).toBe(1);
      expect(stderr).toContain(`the login-detail key file ${keyFile} is open to other users (mode 644)`);
      expect(stderr).toContain(`chmod 600 ${keyFile}`);
    }, 30_000);

    it('on existing data, seeds nothing and issues fresh tokens that work', async () => {
      const run = runCli(['--port', '0', '--data', dataDir, '--seed', '5'], url());
      const started = await run.started;
      await syncWorks(started);
      const admin = await fetch(`${started.url}/v1/admin/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${started.adminToken}` } });
      expect(admin.status).toBe(200);
      run.child.kill('SIGINT');
      const { code, stderr } = await run.exited;
      expect(code).toBe(0);
      expect(stderr).toMatch(/not seeding/);
    }, 90_000);
  });
});
