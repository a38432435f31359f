import type { Mutation, MutationResult } from '@shared/contract';
import type { Result } from '@shared/ipc/result';
import type { Queryable } from '../../db/database';
import { applyOne, claimKey, storeResult } from '../../domain/mutations/apply-mutations';
import { rejected } from '../../domain/mutations/mutation-outcome';
import type { PolicyCache } from '../../domain/policy-cache';
import { RequestError } from '../../support-center';
import type { AppliedAction, HelpdeskAction, HelpdeskConnector } from '../helpdesk-connector';
import { entryKnown, insertPending, lockWriteback, markAttempt, newestKnownEntry, recordEntry, settleWriteback, type TicketLink } from './writeback-rows';

export interface WritebackDeps {
  /** For reads outside a transaction. */
  db: Queryable;
  connector: HelpdeskConnector;
  policies: PolicyCache;
  /** One write transaction (NOTIFYing every instance when `changed` says so). */
  write: <T>(work: (tx: Queryable) => Promise<T>, changed?: (result: T) => boolean) => Promise<T>;
  clock: () => Date;
  /** How long an attempt may be posting to the helpdesk before another request takes it over. */
  leaseMs: number;
}

export interface Engineer {
  id: string;
  name: string;
  email: string;
}

/** RT's answers that refuse the action (the engineer sees RT's reason); the rest mean "try again later". */
const refusalCodes = new Set(['refused', 'not-found', 'invalid']);

export type HelpdeskMutation = Extract<Mutation, { kind: 'claim' | 'unclaim' | 'reply' | 'note' | 'status' }>;

export function writesBack(mutation: Mutation): mutation is HelpdeskMutation {
  return ['claim', 'unclaim', 'reply', 'note', 'status'].includes(mutation.kind);
}

function actionOf(mutation: HelpdeskMutation, link: TicketLink, engineer: Engineer): HelpdeskAction {
  const base = { ticketExternalId: link.externalId, idempotencyKey: mutation.idempotencyKey, engineer: { email: engineer.email, name: engineer.name } };
  switch (mutation.kind) {
    case 'reply':
    case 'note':
      return { ...base, kind: mutation.kind, body: mutation.body };
    case 'status':
      return { ...base, kind: 'status', status: mutation.status };
    default:
      return { ...base, kind: mutation.kind };
  }
}

type Start = { done: MutationResult } | { busy: true } | { after: string | null; retry: boolean };

/**
 * Before the helpdesk is called: a key already answered answers again; a pending write-back
 * another attempt is still posting is left to it; a new action is tried locally first (in a
 * savepoint, rolled back) so what our rules refuse never reaches the helpdesk, then its pending
 * row is committed with the ticket's newest known helpdesk transaction.
 */
async function begin(tx: Queryable, deps: WritebackDeps, engineer: Engineer, mutation: HelpdeskMutation, link: TicketLink, now: Date): Promise<Start> {
  const { rows } = await tx.query<{ result: unknown }>('SELECT result FROM idempotency_keys WHERE engineer_id = $1 AND key = $2', [engineer.id, mutation.idempotencyKey]);
  if (rows[0] !== undefined) return { done: (await claimKey(tx, engineer.id, mutation.idempotencyKey)) as MutationResult };
  const pending = await lockWriteback(tx, engineer.id, mutation.idempotencyKey);
  if (pending !== null) {
    if (pending.attempt_until !== null && new Date(pending.attempt_until).getTime() > now.getTime()) return { busy: true };
    await markAttempt(tx, engineer.id, mutation.idempotencyKey, leaseEnd(deps, now));
    return { after: pending.before_external_id, retry: true };
  }
  // One action per ticket at a time in the helpdesk, so the helpdesk and we apply them in one order.
  await tx.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [mutation.ticketId]);
  if (await ticketBusy(tx, mutation.ticketId, now)) return { busy: true };
  await tx.query('SAVEPOINT local_check');
  const outcome = await applyOne(tx, deps.policies, engineer, mutation, now);
  await tx.query('ROLLBACK TO SAVEPOINT local_check');
  if (!outcome.ok) {
    await claimKey(tx, engineer.id, mutation.idempotencyKey);
    return { done: await storeResult(tx, engineer.id, mutation.idempotencyKey, outcome) };
  }
  const after = await newestKnownEntry(tx, link.connector, mutation.ticketId);
  await insertPending(tx, { connector: link.connector, engineerId: engineer.id, key: mutation.idempotencyKey, ticketId: mutation.ticketId, kind: mutation.kind, before: after, now, until: leaseEnd(deps, now) });
  return { after, retry: false };
}

/** When an attempt starting now stops holding its action and ticket: the row records it, so every reader compares with now. */
function leaseEnd(deps: WritebackDeps, now: Date): Date {
  return new Date(now.getTime() + deps.leaseMs);
}

/** Whether another action on the ticket may be talking to the helpdesk right now (its lease runs). */
async function ticketBusy(tx: Queryable, ticketId: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query("SELECT 1 FROM connector_writebacks WHERE ticket_id = $1 AND state = 'pending' AND attempt_until > $2 LIMIT 1", [ticketId, now.toISOString()]);
  return rows.length > 0;
}

/** Posts the action, unless a retry finds that an earlier attempt already did. */
async function deliver(connector: HelpdeskConnector, action: HelpdeskAction, start: { after: string | null; retry: boolean }): Promise<Result<AppliedAction>> {
  if (start.retry) {
    const found = await connector.findApplied(action, start.after);
    if (!found.ok || found.value !== null) return found as Result<AppliedAction>;
  }
  return connector.applyAction(action, start.after);
}

/** The helpdesk did it: our effect, its transaction (so the mirror skips it) and the result, in one transaction. */
async function record(tx: Queryable, deps: WritebackDeps, engineer: Engineer, mutation: HelpdeskMutation, link: TicketLink, applied: AppliedAction, now: Date): Promise<MutationResult> {
  const stored = await claimKey(tx, engineer.id, mutation.idempotencyKey);
  if (stored !== null) return stored;
  // A retry after a lost answer, and the mirror brought the helpdesk's transaction in first: our effect is there.
  const mirrored = applied.externalId !== null && (await entryKnown(tx, link.connector, applied.externalId));
  const outcome = mirrored ? { ok: true as const, ticketVersion: await ticketVersion(tx, mutation.ticketId) } : await applyOne(tx, deps.policies, engineer, mutation, now);
  await settleWriteback(tx, engineer.id, mutation.idempotencyKey, { state: 'delivered', externalId: applied.externalId }, now);
  if (mirrored) return storeResult(tx, engineer.id, mutation.idempotencyKey, outcome);
  // Refused here after the helpdesk took it (the ticket changed meanwhile): the mirror brings the helpdesk's version.
  if (outcome.ok && applied.externalId !== null) {
    const message = mutation.kind === 'reply' || mutation.kind === 'note' ? await newestMessageOf(tx, mutation.ticketId, engineer.id) : null;
    await recordEntry(tx, { connector: link.connector, externalId: applied.externalId, ticketId: mutation.ticketId, messageId: message });
  }
  return storeResult(tx, engineer.id, mutation.idempotencyKey, outcome);
}

async function ticketVersion(tx: Queryable, ticketId: string): Promise<number> {
  const { rows } = await tx.query<{ version: string | number }>('SELECT version FROM tickets WHERE id = $1', [ticketId]);
  return Number(rows[0]?.version);
}

async function newestMessageOf(tx: Queryable, ticketId: string, engineerId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM messages WHERE ticket_id = $1 AND author_id = $2 ORDER BY version DESC LIMIT 1', [ticketId, engineerId]);
  return rows[0]?.id ?? null;
}

async function refuse(tx: Queryable, engineer: Engineer, mutation: HelpdeskMutation, reason: string, now: Date): Promise<MutationResult> {
  const stored = await claimKey(tx, engineer.id, mutation.idempotencyKey);
  if (stored !== null) return stored;
  await settleWriteback(tx, engineer.id, mutation.idempotencyKey, { state: 'refused', reason }, now);
  return storeResult(tx, engineer.id, mutation.idempotencyKey, rejected('conflict', `Request Tracker refused it: ${reason}`));
}

/**
 * One action on a ticket linked to the helpdesk, exactly once: the pending write-back is
 * committed before the helpdesk is called, the call runs outside any database transaction, and
 * its outcome is recorded in one transaction with our effect. A crash in between leaves the row
 * pending; the retry with the same key asks the helpdesk whether the action happened before
 * posting it. The helpdesk unreachable: 503, the row stays pending, the desktop keeps the action
 * in its outbox and sends it again with the same key.
 */
export async function writeBack(deps: WritebackDeps, engineer: Engineer, mutation: HelpdeskMutation, link: TicketLink): Promise<MutationResult> {
  const key = mutation.idempotencyKey;
  const start = await deps.write((tx) => begin(tx, deps, engineer, mutation, link, deps.clock()), (started) => 'done' in started);
  if ('done' in start) return start.done;
  if ('busy' in start) throw new RequestError(503, 'unavailable', `another action on ticket ${mutation.ticketId} (or this one, ${key}) is being sent to the helpdesk; send it again shortly`);
  const applied = await deliver(deps.connector, actionOf(mutation, link, engineer), start);
  if (applied.ok) return deps.write((tx) => record(tx, deps, engineer, mutation, link, applied.value, deps.clock()));
  if (refusalCodes.has(applied.error.code)) return deps.write((tx) => refuse(tx, engineer, mutation, applied.error.message, deps.clock()));
  await deps.write((tx) => markAttempt(tx, engineer.id, key, null), () => false);
  throw new RequestError(503, 'unavailable', `the helpdesk did not take the action, it waits and is sent again with its key: ${applied.error.message}`);
}
