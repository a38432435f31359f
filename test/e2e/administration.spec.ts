import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { createScratchDatabase, postgresUrl } from '../fixtures/test-databases';
import { shownTokens, waitUntil } from '../support/backend-process';
import { startWebMode, type WebMode } from '../support/web-mode';

const run = promisify(execFile);

/**
 * A team lead's first day, on an empty PGlite folder and an empty PostgreSQL database: the first
 * start shows one admin token, `npm run admin` adds an engineer and issues a sign-in code, the
 * engineer signs in with it in the app (Chromium, web mode) and syncs. No token or code is in any
 * log line of the run, nor in any process's command line.
 */
const targets = [
  { name: 'PGlite', skip: null },
  { name: 'PostgreSQL', skip: postgresUrl === null ? 'DATABASE_URL is not set: no PostgreSQL server to run it on (.ci/run sets it)' : null },
] as const;

for (const target of targets) {
  test(`first start, engineers, sign-in code, the app signs in and syncs, on ${target.name}`, async ({ page }) => {
    test.skip(target.skip !== null, target.skip ?? '');
    test.setTimeout(240_000);
    const root = await mkdtemp(join(tmpdir(), 'administration-e2e-'));
    const scratch = target.name === 'PostgreSQL' ? await createScratchDatabase() : null;
    const env = { DATABASE_URL: scratch?.url ?? '' };
    let backend: ChildProcess | null = null;
    let web: WebMode | null = null;
    try {
      backend = spawn(process.execPath, ['--import', 'tsx', 'src-backend/cli.ts', '--port', '0', '--data', join(root, 'backend')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let backendLog = '';
      backend.stderr?.on('data', (chunk: Buffer) => (backendLog += chunk.toString('utf8')));
      const line = await new Promise<string>((resolve) => createInterface({ input: backend?.stdout as NodeJS.ReadableStream }).once('line', resolve));
      const { url, workspace } = JSON.parse(line) as { url: string; workspace: string };
      expect(workspace).toBe('new');
      await waitUntil(() => shownTokens(backendLog).adminToken !== null);
      const adminToken = shownTokens(backendLog).adminToken as string;

      // PostgreSQL: the command works on the database itself; PGlite (held by the backend): through it.
      const where = scratch === null ? ['--backend', url] : [];
      const admin = async (...args: string[]) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src-backend/admin-cli.ts', ...args, ...where, '--json'], {
          env: { ...process.env, ...env, SUPPORT_ADMIN_TOKEN: adminToken },
        });
        return JSON.parse(stdout) as Record<string, string>;
      };
      const engineer = await admin('engineers', 'add', '--name', 'Rosa Park', '--email', 'rosa@team.test');
      await admin('engineers', 'add', '--name', 'Sam Reid', '--email', 'sam@team.test');
      const { code } = await admin('sign-in-codes', 'issue', '--engineer', engineer.id as string);
      const processList = (await run('ps', ['-eo', 'args'])).stdout;

      web = await startWebMode({ backendUrl: url, token: 'not-a-valid-token-at-all', dataDir: join(root, 'web') });
      await page.goto(web.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Backend URL').fill(url);
      await page.getByLabel('Sign-in code').fill(code as string);
      await page.getByRole('region', { name: 'Settings' }).getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Signed in to' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('session-summary')).toHaveText(new RegExp(`as ${engineer.id}`), { timeout: 30_000 });
      await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 60_000 });

      const { token: engineerToken } = JSON.parse(await readFile(join(root, 'web', 'session.json'), 'utf8')) as { token: string };
      expect(engineerToken).toMatch(/^sa_/);
      const audit = await admin('audit', 'list');
      expect(JSON.stringify(audit)).toContain('sign-in-code.exchange');
      const logs = [...backendLog.split('\n').filter((text) => text.startsWith('{')), ...web.stderr().split('\n')].join('\n');
      for (const secret of [adminToken, engineerToken, code as string]) {
        expect(logs).not.toContain(secret);
        expect(processList).not.toContain(secret);
      }
      expect(logs).not.toMatch(/sa_[A-Za-z0-9_-]{20}/);
    } finally {
      await web?.stop();
      backend?.kill('SIGTERM');
      await new Promise((resolve) => (backend === null || backend.exitCode !== null ? resolve(null) : backend.once('exit', resolve)));
      await scratch?.drop();
      await rm(root, { recursive: true, force: true });
    }
  });
}
