import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src-backend/db/database';
import { openDatabase } from '../../../src-backend/db/open-database';
import { emptyNotifierState } from '../../../src-main/services/deadline-notifier/notifier-state';
import { TOKEN_FLAG_WARNING } from '../../../src-main/web-host/parse-web-args';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { startInProcessBackend } from '../../support/in-process-backend';
import { startWebMode } from '../../support/web-mode';
import { openTab, untilSynced } from './web-host-fixture';

/**
 * The host as `npm run web` runs it, in its own process against a real backend: the ways the
 * engineer's token may come in, and the modes of everything it leaves in its data folder.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
let db: Database;
let workspace: SmallWorkspace;
let backend: Awaited<ReturnType<typeof startInProcessBackend>>;
let dir: string;

beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
  workspace = await createSmallWorkspace(db);
  backend = await startInProcessBackend(db, { loginDetailKey: workspace.loginDetailKey });
  await backend.center.fileTicket({ accountId: 'acc-plat', requesterName: 'Customer', requesterEmail: 'customer@example.test', subject: 'Running late', body: 'Hi', source: 'email' });
  dir = await mkdtemp(join(tmpdir(), 'web-process-'));
}, 60_000);

afterAll(async () => {
  await backend?.close();
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Without SUPPORT_AGENT_TOKEN from the machine running the tests. */
const cleanEnv = { SUPPORT_AGENT_TOKEN: '', SUPPORT_AGENT_WEB_SECRET: '' };

async function savedToken(dataDir: string): Promise<string> {
  return (JSON.parse(await readFile(join(dataDir, 'session.json'), 'utf8')) as { token: string }).token;
}

/** Every file and folder under `top`, the top included, whose mode lets anyone but the owner in. */
async function openToOthers(top: string, skip: string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (path: string): Promise<void> => {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0) found.push(`${path.slice(top.length) || '/'} ${(mode & 0o777).toString(8)}`);
    if (!(await stat(path)).isDirectory()) return;
    for (const entry of await readdir(path)) if (!skip.includes(entry)) await visit(join(path, entry));
  };
  await visit(top);
  return found;
}

describe('the token', () => {
  it('from --token-file: signs in, says nothing, and leaves nothing open to other users after a session', async () => {
    const dataDir = join(dir, 'by-file');
    const tokenPath = join(dir, 'engineer.token');
    await writeFile(tokenPath, `${workspace.tokens.ana}\n`, { mode: 0o600 });
    const mode = await startWebMode({ backendUrl: backend.url, dataDir, env: cleanEnv, args: ['--token-file', tokenPath] });
    try {
      expect(await savedToken(dataDir)).toBe(workspace.tokens.ana);
      // A session: a tab syncs the cache (the notifier indexes its pages) and the engineer saves settings.
      const tab = openTab(mode);
      await untilSynced(tab.agent);
      expect(await tab.agent.setSettings({ zone: 'Europe/Berlin', thresholdsMinutes: [60, 15], workingHours: null })).toMatchObject({ ok: true });
      tab.agent.close();
    } finally {
      await mode.stop();
    }
    expect(mode.stderr()).not.toContain('--token shows');
    expect((await readdir(dataDir)).sort()).toEqual(['notifier-state.json', 'session.json', 'settings.json']);
    // demo-backend/ (absent here) keeps modes of its own.
    expect(await openToOthers(dataDir, ['demo-backend'])).toEqual([]);
  }, 180_000);

  it('from SUPPORT_AGENT_TOKEN: signs in, and says nothing', async () => {
    const dataDir = join(dir, 'by-env');
    const mode = await startWebMode({ backendUrl: backend.url, token: workspace.tokens.ben, dataDir, env: cleanEnv });
    await mode.stop();
    expect(await savedToken(dataDir)).toBe(workspace.tokens.ben);
    expect(mode.stderr()).not.toContain('--token shows');
  }, 120_000);

  it('from --token: still signs in, with one warning on stderr saying why that is unsafe', async () => {
    const dataDir = join(dir, 'by-flag');
    const mode = await startWebMode({ backendUrl: backend.url, dataDir, env: cleanEnv, args: ['--token', workspace.tokens.ana] });
    await mode.stop();
    expect(await savedToken(dataDir)).toBe(workspace.tokens.ana);
    const warnings = mode.stderr().split('\n').filter((line) => line.includes(TOKEN_FLAG_WARNING));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: 'warn', msg: TOKEN_FLAG_WARNING });
  }, 120_000);

  it('refuses a token file other users can read: exit 2, how to fix it, nothing started', async () => {
    const tokenPath = join(dir, 'shared.token');
    await writeFile(tokenPath, `${workspace.tokens.ana}\n`);
    await chmod(tokenPath, 0o644);
    const dataDir = join(dir, 'never-created');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/web-host/cli.ts', '--backend', backend.url, '--token-file', tokenPath, '--data', dataDir], { cwd: root, env: { ...process.env, ...cleanEnv }, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--token-file ${tokenPath} is open to other users (mode 0644); make it yours alone with: chmod 600 ${tokenPath}`);
    expect(run.stdout).toBe('');
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('the data folder of an older version', () => {
  it('is made the user\'s alone again when the host opens it: the folder and every file it reads', async () => {
    const dataDir = join(dir, 'older');
    await mkdir(dataDir);
    const files = {
      'session.json': { backendUrl: backend.url, token: workspace.tokens.ana, demo: false },
      'settings.json': { zone: 'UTC', thresholdsMinutes: null, workingHours: null },
      'notifier-state.json': emptyNotifierState({ workspaceId: 'ws-older', backendUrl: backend.url }),
    };
    for (const [name, content] of Object.entries(files)) {
      await writeFile(join(dataDir, name), JSON.stringify(content));
      await chmod(join(dataDir, name), 0o644);
    }
    await chmod(dataDir, 0o755);
    expect(await openToOthers(dataDir, [])).toHaveLength(4);
    const mode = await startWebMode({ dataDir, env: cleanEnv });
    await mode.stop();
    expect(mode.backendUrl).toBe(backend.url);
    expect(await openToOthers(dataDir, [])).toEqual([]);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual(files['settings.json']);
  }, 120_000);
});
