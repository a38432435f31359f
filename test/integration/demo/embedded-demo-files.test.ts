import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDemo } from '../../../src-main/services/embedded-demo';
import { modesUnder, openToOthers } from '../../support/file-modes';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The desktop's demo backend keeps its own folder: PGlite, the login-detail key and the demo
 * engineer's token, the one copy of a credential. All of it is this user's alone, from the first
 * launch on, and a token file an older version left open is tightened at the next launch.
 */
describe.skipIf(process.platform === 'win32')('the embedded demo backend on disk', () => {
  let parent: string;
  let dataDir: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'embedded-demo-'));
    dataDir = join(parent, 'demo-backend');
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('creates its folder, PGlite files, key and token owner-only', async () => {
    const demo = await startEmbeddedDemo({ dataDir, tickets: 30, live: false, logger: quiet });
    try {
      const modes = await modesUnder(dataDir);
      expect(openToOthers(modes)).toEqual({});
      expect(modes['engineer.token']).toBe('file 600');
      expect(modes['login-details.key']).toBe('file 600');
      expect((await readFile(join(dataDir, 'engineer.token'), 'utf8')).trim()).toBe(demo.token);
    } finally {
      await demo.stop();
    }
    expect(openToOthers(await modesUnder(dataDir))).toEqual({});
  }, 120_000);

  it('tightens a folder and a token file left open to others, and keeps the token', async () => {
    const token = (await readFile(join(dataDir, 'engineer.token'), 'utf8')).trim();
    await chmod(join(dataDir, 'engineer.token'), 0o644);
    await chmod(dataDir, 0o755);
    const demo = await startEmbeddedDemo({ dataDir, live: false, logger: quiet });
    try {
      expect(demo.token).toBe(token);
      expect((await stat(join(dataDir, 'engineer.token'))).mode & 0o777).toBe(0o600);
      expect(openToOthers(await modesUnder(dataDir))).toEqual({});
    } finally {
      await demo.stop();
    }
  }, 120_000);
});
