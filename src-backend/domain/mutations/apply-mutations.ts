import type { Mutation, MutationBatch, MutationBatchResponse, MutationResult } from '@shared/contract';
import type { Queryable } from '../../db/database';
import { RequestError } from '../../support-center';
import type { PolicyCache } from '../policy-cache';
import { rejected, type Outcome } from './mutation-outcome';
import { purgeLoginDetail } from './purge-login-detail';
import * as actions from './ticket-actions';

/** One action's local effect on a ticket (locked here), or why it is refused. */
export async function applyOne(tx: Queryable, policies: PolicyCache, engineer: { id: string; name: string }, mutation: Mutation, now: Date): Promise<Outcome> {
  const { rows } = await tx.query('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [mutation.ticketId]);
  const ticket = rows[0];
  if (ticket === undefined) return rejected('not-found', `ticket ${mutation.ticketId} does not exist (it may have been deleted)`);
  const ctx = { tx, ticket, policy: await policies.ofTicket(tx, ticket), engineer, now };
  switch (mutation.kind) {
    case 'claim':
      return actions.claim(ctx);
    case 'unclaim':
      return actions.unclaim(ctx);
    case 'reply':
      return actions.reply(ctx, mutation);
    case 'note':
      return actions.note(ctx, mutation);
    case 'checklist-answer':
      return actions.answerChecklist(ctx, mutation);
    case 'category':
      return actions.setCategory(ctx, mutation);
    case 'status':
      return actions.setStatus(ctx, mutation);
    case 'purge-login-detail':
      return purgeLoginDetail(ctx, mutation);
  }
}

/**
 * Locks every ticket the batch touches, before anything else and in one global order (by id, byte
 * order whatever the collation): two engineers' batches over the same tickets in opposite orders
 * would otherwise each hold one ticket and wait for the other's, and PostgreSQL would abort one of
 * them as a deadlock. Taken in one order, the second batch simply waits for the first.
 */
async function lockTickets(tx: Queryable, batch: MutationBatch): Promise<void> {
  const ids = [...new Set(batch.mutations.map((mutation) => mutation.ticketId))];
  await tx.query('SELECT id FROM tickets WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id COLLATE "C" FOR UPDATE', [JSON.stringify(ids)]);
}

/**
 * Applies a batch in one transaction. Each idempotency key is claimed first: a key the same
 * engineer sent before (in this batch, an earlier one, or a concurrent request, which the insert
 * waits for) answers with the stored result and changes nothing. Keys are scoped per engineer:
 * clients choose them, and one engineer's key must never answer with another engineer's result.
 */
export async function applyMutations(tx: Queryable, policies: PolicyCache, engineerId: string, batch: MutationBatch, now: Date): Promise<MutationBatchResponse> {
  const { rows } = await tx.query<{ name: string }>('SELECT name FROM engineers WHERE id = $1', [engineerId]);
  if (rows[0] === undefined) throw new RequestError(403, 'forbidden', 'the engineer of this token no longer exists');
  const engineer = { id: engineerId, name: rows[0].name };
  await lockTickets(tx, batch);
  const results: MutationResult[] = [];
  for (const mutation of batch.mutations) {
    const stored = await claimKey(tx, engineerId, mutation.idempotencyKey);
    if (stored !== null) {
      results.push(stored);
      continue;
    }
    const outcome = await applyOne(tx, policies, engineer, mutation, now);
    results.push(await storeResult(tx, engineerId, mutation.idempotencyKey, outcome));
  }
  return { results };
}

/**
 * Claims an idempotency key for this engineer: null when it is new (the caller stores the result
 * in the same transaction), else the result stored the first time (a concurrent claim waits).
 */
export async function claimKey(tx: Queryable, engineerId: string, key: string): Promise<MutationResult | null> {
  const claimed = await tx.query("INSERT INTO idempotency_keys (key, engineer_id, result) VALUES ($1, $2, 'null') ON CONFLICT (engineer_id, key) DO NOTHING RETURNING key", [key, engineerId]);
  if (claimed.rows.length > 0) return null;
  const stored = await tx.query<{ result: unknown }>('SELECT result FROM idempotency_keys WHERE engineer_id = $1 AND key = $2', [engineerId, key]);
  const result = stored.rows[0]?.result;
  return (typeof result === 'string' ? JSON.parse(result) : result) as MutationResult;
}

/** Stores the result of a claimed key; every repeat of the key answers with it. */
export async function storeResult(tx: Queryable, engineerId: string, key: string, outcome: Outcome): Promise<MutationResult> {
  const result: MutationResult = { idempotencyKey: key, ...outcome };
  await tx.query('UPDATE idempotency_keys SET result = $3 WHERE engineer_id = $1 AND key = $2', [engineerId, key, JSON.stringify(result)]);
  return result;
}
