import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSessionStore } from '../../../src-main/web-host/file-session-store';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real CLI, for arguments it must refuse before starting anything. */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/web-host/cli.ts', ...args], { cwd: root, env: { ...process.env, SUPPORT_AGENT_TOKEN: '', SUPPORT_AGENT_WEB_SECRET: '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run web: bad arguments', () => {
  const cases: Array<{ args: string[]; env?: NodeJS.ProcessEnv; message: RegExp }> = [
    { args: ['--port', 'eighty'], message: /--port "eighty" is not a port/ },
    { args: ['--port', '70000'], message: /--port "70000" is not a port/ },
    { args: ['--backend', 'not a url', '--token', 'a-long-token'], message: /--backend "not a url" is not a URL/ },
    { args: ['--backend', 'ftp://127.0.0.1/', '--token', 'a-long-token'], message: /--backend must be http: or https:/ },
    { args: ['--backend', 'http://user:pw@127.0.0.1:1'], message: /must not carry credentials/ },
    { args: ['--token', 'a-long-token'], message: /--token needs --backend/ },
    { args: ['--backend', 'http://127.0.0.1:1', '--token', 'short'], message: /the token \(--token\) must be 8-500 characters/ },
    { args: ['--frobnicate'], message: /Unknown option '--frobnicate'/ },
    { args: [], env: { SUPPORT_AGENT_WEB_SECRET: 'too-short' }, message: /SUPPORT_AGENT_WEB_SECRET must be 43-128 base64url/ },
  ];
  for (const { args, env, message } of cases) {
    it(`refuses ${JSON.stringify(args)}${env ? ' with a bad secret' : ''}: exit 2, the reason and the usage, nothing on stdout`, () => {
      const result = runCli([...args, '--data', join(dir, 'never-created')], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('usage: npm run web');
      expect(result.stdout).toBe('');
    }, 60_000);
  }

  it('refuses --backend without a token it knows, and writes no session', async () => {
    const data = join(dir, 'no-token');
    const result = runCli(['--backend', 'http://127.0.0.1:9', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--backend http:\/\/127\.0\.0\.1:9 needs a token: --token-file <path> or SUPPORT_AGENT_TOKEN/);
    await expect(stat(join(data, 'session.json'))).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('the session file', () => {
  it('is written readable by the user only, and read back with its demo flag', async () => {
    const store = new FileSessionStore(join(dir, 'store'));
    expect(await store.load()).toBeNull();
    await store.saveDemo({ backendUrl: 'http://127.0.0.1:5000', token: 'demo-token-123' });
    expect(await store.loadStored()).toEqual({ backendUrl: 'http://127.0.0.1:5000', token: 'demo-token-123', demo: true });
    await store.save({ backendUrl: 'https://support.example', token: 'real-token-456' });
    expect(await store.load()).toEqual({ backendUrl: 'https://support.example', token: 'real-token-456' });
    expect((await store.loadStored())?.demo).toBe(false);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt or foreign file with its path, instead of half-using it', async () => {
    const store = new FileSessionStore(join(dir, 'corrupt'));
    await store.save({ backendUrl: 'http://127.0.0.1:5000', token: 'a-token-123' });
    await writeFile(store.path, '{"backendUrl": "file:///etc/passwd", "token": "a-token-123"}');
    await expect(store.load()).rejects.toThrow(new RegExp(`${store.path}.*does not hold a session`));
    await writeFile(store.path, '{not json');
    await expect(store.load()).rejects.toThrow(/is not valid JSON; delete it/);
    expect(await readFile(store.path, 'utf8')).toBe('{not json');
  });
});
