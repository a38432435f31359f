import type { IssuedToken, IssueToken, TokenSummary } from '@shared/contract';
import type { Queryable } from '../db/database';
import { isoOf, isoOrNull } from '../domain/db-instants';
import { issueToken } from '../domain/workspace-setup';
import { hashApiToken } from '../security/api-tokens';
import { RequestError } from '../support-center';
import { recordAdminAction } from './audit';

const SUMMARY_SQL = `
  SELECT t.id, t.role, t.engineer_id, coalesce(e.name || ' <' || e.email || '>', t.label, 'admin token') AS holder,
         t.created_at, t.last_used_at, t.expires_at, t.revoked_at, coalesce(e.disabled, false) AS disabled
    FROM api_tokens t LEFT JOIN engineers e ON e.id = t.engineer_id`;

interface SummaryRow {
  id: string;
  role: 'engineer' | 'admin';
  engineer_id: string | null;
  holder: string;
  created_at: unknown;
  last_used_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
  disabled: boolean;
}

function summaryOf(row: SummaryRow, now: Date): TokenSummary {
  const expiresAt = isoOrNull(row.expires_at);
  const revokedAt = isoOrNull(row.revoked_at);
  const status =
    revokedAt !== null ? 'revoked' : expiresAt !== null && Date.parse(expiresAt) <= now.getTime() ? 'expired' : row.disabled ? 'engineer-disabled' : 'active';
  return {
    id: row.id, role: row.role, engineerId: row.engineer_id, holder: row.holder, createdAt: isoOf(row.created_at),
    lastUsedAt: isoOrNull(row.last_used_at), expiresAt, revokedAt, status,
  };
}

/** Every token, newest first: whose, and how it stands. Never the token, which is not stored. */
export async function listTokens(q: Queryable, now: Date): Promise<TokenSummary[]> {
  const { rows } = await q.query<SummaryRow>(`${SUMMARY_SQL} ORDER BY t.created_at DESC, t.id`);
  return rows.map((row) => summaryOf(row, now));
}

async function summaryWhere(q: Queryable, condition: string, value: string, now: Date): Promise<TokenSummary | null> {
  const { rows } = await q.query<SummaryRow>(`${SUMMARY_SQL} WHERE ${condition} = $1`, [value]);
  return rows[0] === undefined ? null : summaryOf(rows[0], now);
}

/** A new token for an engineer (who must exist and be enabled) or another admin; the plaintext is in the answer only. */
export async function issueTokenAction(tx: Queryable, actor: string, input: IssueToken, now: Date): Promise<IssuedToken> {
  if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now.getTime()) {
    throw new RequestError(400, 'bad-request', 'expiresAt: must be in the future', 'expiresAt');
  }
  const engineerId = input.role === 'engineer' ? (input.engineerId as string) : null;
  if (engineerId !== null) await requireEnabledEngineer(tx, engineerId);
  const token = await issueToken(tx, engineerId === null ? { role: 'admin' } : { role: 'engineer', engineerId }, { label: input.label, expiresAt: input.expiresAt });
  const summary = (await summaryWhere(tx, 't.token_hash', hashApiToken(token), now)) as TokenSummary;
  await recordAdminAction(tx, { actor, action: 'token.issue', target: summary.id, before: null, after: summary });
  return { token, summary };
}

export async function requireEnabledEngineer(q: Queryable, engineerId: string): Promise<void> {
  const { rows } = await q.query<{ disabled: boolean }>('SELECT disabled FROM engineers WHERE id = $1', [engineerId]);
  if (rows[0] === undefined) throw new RequestError(404, 'not-found', `engineerId: engineer ${engineerId} does not exist`, 'engineerId');
  if (rows[0].disabled) throw new RequestError(409, 'conflict', `engineerId: engineer ${engineerId} is disabled; enable them first`, 'engineerId');
}

/** Revoked for good (within 5 s on every instance); the row stays, so the list shows when. */
export async function revokeToken(tx: Queryable, actor: string, id: string, now: Date): Promise<TokenSummary> {
  const before = await summaryWhere(tx, 't.id', id, now);
  if (before === null) throw new RequestError(404, 'not-found', `token ${id} does not exist`, 'id');
  if (before.revokedAt !== null) return before;
  await tx.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1', [id, now.toISOString()]);
  const after = (await summaryWhere(tx, 't.id', id, now)) as TokenSummary;
  await recordAdminAction(tx, { actor, action: 'token.revoke', target: id, before, after });
  return after;
}
