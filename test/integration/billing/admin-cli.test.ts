import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../src-backend/db/open-database';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { createScratchDatabase } from '../../fixtures/test-databases';
import { forEachDatabase } from '../http/test-server';

/** `npm run admin -- ...` without npm in between. */
function admin(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-backend/admin-cli.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

forEachDatabase('npm run admin -- billing import', (target) => {
  let dir: string;
  let scratch: { url: string; drop(): Promise<void> } | null = null;
  const env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'admin-cli-'));
    const { DATABASE_URL: _url, ...rest } = process.env;
    Object.assign(env, rest);
    if (target.name === 'PostgreSQL') {
      scratch = await createScratchDatabase();
      env.DATABASE_URL = scratch.url;
    }
    await mkdir(join(dir, 'data'), { mode: 0o700 });
    const db = await openDatabase(scratch === null ? { dataDir: join(dir, 'data', 'pglite') } : { databaseUrl: scratch.url });
    await createSmallWorkspace(db);
    await db.close();
    await writeFile(join(dir, 'good.csv'), 'event,account_id,holder_name,holder_email\naccount,acc-cli,Cleo Cli,cleo@cli.test\n');
    await writeFile(join(dir, 'bad.csv'), 'event,account_id,holder_name,holder_email\naccount,acc-cli,Cleo Cli,cleo@cli.test\naccount,acc-cli2,Cleo,nope\n');
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await scratch?.drop();
  });

  it('imports a file into the workspace and prints the counts; a wrong file exits 1 naming line and field', async () => {
    const args = (file: string) => ['billing', 'import', join(dir, file), '--data', join(dir, 'data'), '--json'];
    const bad = await admin(args('bad.csv'), env);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('\n  line 3, field "holder_email": expected an e-mail address');
    const good = await admin(args('good.csv'), env);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).accounts).toEqual({ created: 1, updated: 0, unchanged: 0 });
  }, 60_000);

  it('exits 2 with the usage for an unknown command', async () => {
    const run = await admin(['billing', 'export'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run admin');
  }, 30_000);
});
