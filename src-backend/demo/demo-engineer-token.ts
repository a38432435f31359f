import type { Database } from '../db/database';
import { issueToken } from '../domain/workspace-setup';

/**
 * A fresh token for the demo workspace's first engineer, for the embedded demo whose kept token
 * was lost. Only the demo does this: a real workspace signs engineers in with sign-in codes.
 */
export async function issueDemoEngineerToken(db: Database): Promise<string | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM engineers ORDER BY id LIMIT 1');
    const engineerId = rows[0]?.id;
    return engineerId === undefined ? null : issueToken(tx, { role: 'engineer', engineerId });
  });
}
