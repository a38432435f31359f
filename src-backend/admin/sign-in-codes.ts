import { randomInt } from 'node:crypto';
import type { ExchangedSession, IssuedSignInCode } from '@shared/contract';
import type { Queryable } from '../db/database';
import { issueToken } from '../domain/workspace-setup';
import { hashApiToken } from '../security/api-tokens';
import { RequestError } from '../support-center';
import { recordAdminAction } from './audit';
import { requireEnabledEngineer } from './tokens';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed cannot be misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters: 50 bits, against a code that works once and for minutes. */
const LENGTH = 10;

/** `ab3de-fg7hk`, `AB3DE FG7HK`, `AB3DEFG7HK` all read the same; O reads as 0, I and L as 1. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A code for an enabled engineer, shown once (as `XXXXX-XXXXX`); only its hash is stored. */
export async function issueSignInCode(tx: Queryable, actor: string, input: { engineerId: string; minutes: number }, now: Date): Promise<IssuedSignInCode> {
  await requireEnabledEngineer(tx, input.engineerId);
  const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + input.minutes * 60_000).toISOString();
  await tx.query('INSERT INTO sign_in_codes (code_hash, engineer_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashApiToken(raw), input.engineerId, now.toISOString(), expiresAt,
  ]);
  await recordAdminAction(tx, { actor, action: 'sign-in-code.issue', target: input.engineerId, before: null, after: { engineerId: input.engineerId, expiresAt } });
  return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, engineerId: input.engineerId, expiresAt };
}

/**
 * The app's sign-in: a code that is known, unused, unexpired and whose engineer is enabled becomes
 * a new engineer token, once. Anything else is one refusal that does not say which check failed.
 */
export async function exchangeSignInCode(tx: Queryable, code: string, now: Date): Promise<ExchangedSession> {
  const { rows } = await tx.query<{ engineer_id: string }>(
    `UPDATE sign_in_codes c SET used_at = $2 FROM engineers e
      WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2 AND e.id = c.engineer_id AND NOT e.disabled
      RETURNING c.engineer_id`,
    [hashApiToken(normalizeCode(code)), now.toISOString()],
  );
  const engineerId = rows[0]?.engineer_id;
  if (engineerId === undefined) throw new RequestError(400, 'bad-request', 'code: this sign-in code is unknown, used or expired; ask for a new one', 'code');
  const token = await issueToken(tx, { role: 'engineer', engineerId }, { label: 'signed in with a code' });
  const { rows: issued } = await tx.query<{ id: string }>('SELECT id FROM api_tokens WHERE token_hash = $1', [hashApiToken(token)]);
  await recordAdminAction(tx, { actor: `engineer:${engineerId}`, action: 'sign-in-code.exchange', target: engineerId, before: null, after: { tokenId: issued[0]?.id } });
  return { token, engineerId };
}
