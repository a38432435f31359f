import type { Database } from '../db/database';
import { hashApiToken, newApiToken } from '../security/api-tokens';

export interface DemoTokens {
  /** Null when the database has no engineer to issue it for. */
  engineerToken: string | null;
  adminToken: string;
}

/**
 * Tokens are stored hashed, so those printed at an earlier start cannot be recovered: a restart
 * on existing data issues a fresh pair (for the first engineer, and an admin token).
 */
export async function issueDemoTokens(db: Database): Promise<DemoTokens> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM engineers ORDER BY id LIMIT 1');
    const engineerId = rows[0]?.id;
    const engineerToken = engineerId === undefined ? null : newApiToken();
    if (engineerToken !== null) {
      await tx.query("INSERT INTO api_tokens (token_hash, engineer_id, role) VALUES ($1, $2, 'engineer')", [hashApiToken(engineerToken), engineerId]);
    }
    const adminToken = newApiToken();
    await tx.query("INSERT INTO api_tokens (token_hash, engineer_id, role) VALUES ($1, NULL, 'admin')", [hashApiToken(adminToken)]);
    return { engineerToken, adminToken };
  });
}

/** Seeding needs an empty workspace: the demo generator refuses to mix its rows with others. */
export async function workspaceIsEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ used: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM engineers) OR EXISTS (SELECT 1 FROM tickets) AS used',
  );
  return rows[0]?.used === false;
}
