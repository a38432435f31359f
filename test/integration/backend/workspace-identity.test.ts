import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-backend/db/migrate';
import { openDatabase } from '../../../src-backend/db/open-database';
import { testDatabaseTargets } from '../../fixtures/test-databases';

const workspaceIds = async (db: { query<T>(sql: string): Promise<{ rows: T[] }> }): Promise<string[]> =>
  (await db.query<{ id: string }>('SELECT workspace_id::text AS id FROM workspace')).rows.map((r) => r.id);

/** Migration 004: one random id per database, kept for its life. */
for (const target of testDatabaseTargets) {
  describe.skipIf(target.skipReason !== null)(`workspace identity on ${target.name}`, () => {
    it('gives each database its own id, exactly one, untouched by a repeated migration', async () => {
      const first = await target.open();
      const second = await target.open();
      try {
        const [id] = await workspaceIds(first.db);
        expect(await workspaceIds(first.db)).toEqual([id]);
        expect(await migrate(first.db)).toEqual([]);
        expect(await workspaceIds(first.db)).toEqual([id]);
        expect(await workspaceIds(second.db)).not.toEqual([id]);
        await expect(first.db.query('INSERT INTO workspace DEFAULT VALUES')).rejects.toThrow(/duplicate key|unique/i);
        await expect(first.db.query('INSERT INTO workspace (singleton) VALUES (false)')).rejects.toThrow(/check constraint/i);
      } finally {
        await first.db.close();
        await second.db.close();
        await first.drop();
        await second.drop();
      }
    }, 60_000);
  });
}

describe('workspace identity across restarts', () => {
  it('keeps the id of a PGlite workspace when the backend opens the same folder again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workspace-identity-'));
    try {
      const before = await openDatabase({ dataDir: dir });
      const ids = await workspaceIds(before);
      await before.close();
      const after = await openDatabase({ dataDir: dir });
      expect(await workspaceIds(after)).toEqual(ids);
      await after.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
