import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWebArgs, TOKEN_FLAG_WARNING, WEB_USAGE, WebUsageError } from '../../../src-main/web-host/parse-web-args';

/** The token's three ways in: a file of the user's alone, the environment, and (warned about) the command line. */
let dir: string;
const backend = ['--backend', 'http://127.0.0.1:8080'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-args-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function tokenFile(name: string, content: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  // Set after writing: the mode of writeFile is filtered by the umask.
  await chmod(path, mode);
  return path;
}

function refusal(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseWebArgs(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(WebUsageError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
}

describe('the token', () => {
  it('comes from --token-file, without its line end, and nothing is said', async () => {
    const path = await tokenFile('token', 'file-token-123\n', 0o600);
    const args = parseWebArgs([...backend, '--token-file', path], { SUPPORT_AGENT_TOKEN: 'env-token-456' });
    expect(args).toMatchObject({ token: 'file-token-123', warnings: [] });
  });

  it('refuses a token file other users may open, saying how to fix it', async () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620]) {
      const path = await tokenFile(`open-${mode.toString(8)}`, 'file-token-123\n', mode);
      expect(refusal([...backend, '--token-file', path])).toBe(`--token-file ${path} is open to other users (mode 0${mode.toString(8)}); make it yours alone with: chmod 600 ${path}`);
    }
  });

  it('refuses a missing or empty token file, a token file without --backend, and two tokens', async () => {
    expect(refusal([...backend, '--token-file', join(dir, 'missing')])).toMatch(/--token-file .*missing cannot be read \(ENOENT\)/);
    const empty = await tokenFile('empty', '\n', 0o600);
    expect(refusal([...backend, '--token-file', empty])).toMatch(/is empty/);
    const spaced = await tokenFile('spaced', 'two words here\n', 0o600);
    expect(refusal([...backend, '--token-file', spaced])).toMatch(/the token \(--token-file\) must be 8-500 characters without spaces/);
    const path = await tokenFile('fine', 'file-token-123', 0o600);
    expect(refusal(['--token-file', path])).toBe('--token-file needs --backend: which backend is it for?');
    expect(refusal([...backend, '--token-file', path, '--token', 'flag-token-789'])).toMatch(/give the token once/);
  });

  it('comes from SUPPORT_AGENT_TOKEN, and nothing is said', () => {
    expect(parseWebArgs(backend, { SUPPORT_AGENT_TOKEN: 'env-token-456' })).toMatchObject({ token: 'env-token-456', warnings: [] });
  });

  it('still comes from --token, with a warning that says why that is unsafe', () => {
    const args = parseWebArgs([...backend, '--token', 'flag-token-789'], { SUPPORT_AGENT_TOKEN: 'env-token-456' });
    expect(args).toMatchObject({ token: 'flag-token-789', warnings: [TOKEN_FLAG_WARNING] });
    expect(TOKEN_FLAG_WARNING).toMatch(/process list.*shell history.*--token-file <path> \(chmod 600\) or SUPPORT_AGENT_TOKEN/);
    expect(TOKEN_FLAG_WARNING).not.toContain('\n');
  });

  it('is shown in --help as a file or the environment, --token as unsafe', () => {
    expect(WEB_USAGE.split('\n')[0]).toBe('usage: npm run web -- [--backend <url> [--token-file <path>]] [--port <n|0>] [--data <dir>]');
    expect(WEB_USAGE).toMatch(/--token-file <path> +a file holding the engineer's API token/);
    expect(WEB_USAGE).toMatch(/SUPPORT_AGENT_TOKEN/);
    expect(WEB_USAGE).toMatch(/--token <token> +the token itself: unsafe, as every user of this machine sees it in the\s+process list/);
  });
});
