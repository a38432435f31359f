import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspacePoliciesSchema } from '@shared/contract';
import { presets } from '@shared/policy';
import { runAdminCli } from '../../../src-backend/admin/run-admin-cli';
import { openDatabase } from '../../../src-backend/db/open-database';
import { createSmallWorkspace } from '../../fixtures/small-workspace';
import { createScratchDatabase, postgresUrl } from '../../fixtures/test-databases';

const clock = () => new Date('2029-06-01T12:00:00.000Z');

/** The database of a stopped backend: a PGlite data folder, or a PostgreSQL database by URL. */
const targets = [
  { name: 'PGlite (--data)', skip: false },
  { name: 'PostgreSQL (DATABASE_URL)', skip: postgresUrl === null },
];

for (const target of targets) {
  // Each run opens the database afresh, as the command does: PGlite takes seconds to start under load.
  describe.skipIf(target.skip)(`npm run admin -- policy, on ${target.name}`, { timeout: 60_000 }, () => {
    let dir: string;
    let args: string[] = [];
    let env: NodeJS.ProcessEnv = {};
    let drop = async () => {};

    async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const code = await runAdminCli([...argv, ...args], env, { out: (t) => (out += t), err: (t) => (err += t) }, clock);
      return { code, out, err };
    }
    const versions = async () => workspacePoliciesSchema.parse(JSON.parse((await run('policy', 'show', '--json')).out)).policies.find((p) => p.id === 'plan-sla')?.versions;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'admin-cli-'));
      const scratch = target.name.startsWith('PGlite') ? null : await createScratchDatabase();
      const db = await openDatabase(scratch === null ? { dataDir: join(dir, 'pglite') } : { databaseUrl: scratch.url });
      await createSmallWorkspace(db);
      await db.close();
      if (scratch === null) args = ['--data', dir];
      else {
        env = { DATABASE_URL: scratch.url };
        drop = scratch.drop;
      }
    }, 60_000);
    afterAll(async () => {
      await drop();
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a bad policy file, naming the path in the file, and changes nothing', async () => {
      const policy = presets.planSla();
      const bad = { ...policy, calendar: { ...policy.calendar, week: { ...policy.calendar.week, '3': [{ start: '09:00', end: '25:00' }] } } };
      await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
      const refused = await run('policy', 'replace', join(dir, 'bad.json'), '--effective', '2029-07-01T00:00:00Z');
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^error: calendar\.week\.3\[0\]\.end: /);
      expect(await versions()).toHaveLength(1);
    });

    it('replaces the policy from a file, effective from a stated instant, and shows it', async () => {
      await writeFile(join(dir, 'good.json'), JSON.stringify(presets.planSla({ hours: { start: '08:00', end: '16:00' } })));
      const replaced = await run('policy', 'replace', join(dir, 'good.json'), '--effective', '2029-07-01T00:00:00Z');
      expect(replaced).toMatchObject({ code: 0, err: '' });
      expect(replaced.out).toContain('plan-sla version 2, from 2029-07-01T00:00:00.000Z:\n  - Monday: 09:00–17:00 → 08:00–16:00');
      expect((await versions())?.map((v) => v.effectiveFrom)).toEqual(['1970-01-01T00:00:00.000Z', '2029-07-01T00:00:00.000Z']);
      const shown = await run('policy', 'show');
      expect(shown.out).toContain('plan-sla  Plan-based SLA  (version 1 in force at 2029-06-01T12:00:00.000Z)');
    });

    it('refuses an effective instant in the past', async () => {
      const refused = await run('policy', 'replace', join(dir, 'good.json'), '--effective', '2029-05-01T00:00:00Z');
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('effectiveFrom: must not lie in the past');
    });

    it('recomputes and reports', async () => {
      const report = await run('policy', 'recompute', '--json');
      expect(report.code).toBe(0);
      expect(JSON.parse(report.out)).toMatchObject({ examined: 0, moved: [], unchanged: 0 });
    });

    it('answers a usage mistake with the usage', async () => {
      const wrong = await run('policy', 'replace');
      expect(wrong.code).toBe(2);
      expect(wrong.err).toContain('needs <file> and --effective');
      expect((await run('nonsense')).code).toBe(2);
    });
  });
}
