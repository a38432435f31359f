import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readRtToken } from '../../../src-backend/connectors/request-tracker/rt-token';

const token = '1-24-0123456789abcdef0123456789abcdef';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rt-token-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('reads the token from an owner-only file before the environment', async () => {
  const file = join(dir, 'token');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  expect(await readRtToken({ RT_TOKEN_FILE: file, RT_TOKEN: '1-1-ffffffffffffffffffffffffffffffff' })).toEqual({ ok: true, value: token });
  expect(await readRtToken({ RT_TOKEN: token })).toEqual({ ok: true, value: token });
});

it('refuses a token file others may read, a missing one, or no token, never printing the token', async () => {
  const file = join(dir, 'shared');
  await writeFile(file, token);
  await chmod(file, 0o644);
  const shared = await readRtToken({ RT_TOKEN_FILE: file });
  expect(shared).toEqual({ ok: false, error: { code: 'bad-token', message: expect.stringContaining('may be read by others (mode 644)') } });
  const missing = await readRtToken({ RT_TOKEN_FILE: join(dir, 'nope') });
  expect(missing.ok ? '' : missing.error.message).toContain('cannot be read: ENOENT');
  expect((await readRtToken({})).ok).toBe(false);
  const garbled = await readRtToken({ RT_TOKEN: 'secret-password' });
  expect(garbled.ok ? '' : garbled.error.message).toBe('RT_TOKEN does not hold an RT auth token (expected <version>-<id>-<hex>)');
});
