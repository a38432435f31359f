import { mutationProblem, mutationSchema, type Mutation } from '@shared/contract';
import type { AgentCache } from './cache-database';
import type { CachedTicket, OutboxActor, OutboxEntry } from './cache-rows';
import { asCacheResult, type CacheResult } from './cache-result';
import { applyToTicket, localMessageFor, localMessageId, rebaseTicket, serverTicketOf } from './optimistic-edits';

/**
 * The outbox: every engineer action is stored here and applied to the cache optimistically in the
 * same transaction, so it shows at once, works offline and survives restarts. The pusher sends
 * `sendableActions` with their idempotency keys and reports back with markDone / markRejected.
 *
 * Rollback: a ticket edited optimistically keeps its last server row in `_server`; applyBatch
 * refreshes `_server` and re-applies live actions whenever a newer server row arrives. Undoing a
 * rejected action is then exact: rebuild the row from `_server` and the actions still live.
 * (Zeroing `_v` and waiting for a refetch would leave the edit showing forever, because a
 * rejected action changes nothing on the server, so no newer row ever comes.)
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A mutation as the UI builds it; the key is generated unless the caller already has one. */
export type MutationDraft = DistributiveOmit<Mutation, 'idempotencyKey'> & { idempotencyKey?: string };

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

async function putOptimisticEdit(db: AgentCache, ticket: CachedTicket, entry: OutboxEntry): Promise<void> {
  const edited = applyToTicket(ticket, entry.mutation, entry.actor, entry.createdAt);
  if (edited !== ticket) await db.tickets.put({ ...edited, _server: serverTicketOf(ticket) });
  const message = localMessageFor(entry, ticket);
  if (message !== null) await db.messages.put(message);
}

/** Stores an action and applies it optimistically, together. */
export async function enqueueAction(db: AgentCache, draft: MutationDraft, actor: OutboxActor, now: Date = new Date()): Promise<CacheResult<OutboxEntry>> {
  const candidate = { ...draft, idempotencyKey: draft.idempotencyKey ?? newIdempotencyKey() };
  const parsed = mutationSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-mutation', message: mutationProblem(candidate) ?? parsed.error.message } };
  const mutation = parsed.data;
  return asCacheResult(() =>
    db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
      const ticket = await db.tickets.get(mutation.ticketId);
      const entry: OutboxEntry = {
        idempotencyKey: mutation.idempotencyKey,
        mutation,
        ticketId: mutation.ticketId,
        accountId: ticket?.accountId ?? null,
        actor,
        status: 'pending',
        createdAt: now.toISOString(),
      };
      entry.seq = await db.outbox.add(entry);
      // An action on a ticket the cache does not hold is still sent; the server has the last word.
      if (ticket !== undefined) await putOptimisticEdit(db, ticket, entry);
      return entry;
    }),
  );
}

/** What the pusher must send, in the order the actions were taken (`sending` ones again after a crash). */
export async function pendingActions(db: AgentCache): Promise<OutboxEntry[]> {
  return db.outbox.filter((e) => e.status === 'pending' || e.status === 'sending').toArray();
}

/**
 * Up to `limit` pending actions to send now, each checked against the contract as it is today. An
 * action stored by an earlier version that it no longer accepts (text with a control character) is
 * refused here, on its own, with the reason in words (`not-sent`): sent along, it would make the
 * server refuse the whole batch, and every later action with it, at every push.
 */
export async function sendableActions(db: AgentCache, limit: number): Promise<CacheResult<OutboxEntry[]>> {
  const pending = await asCacheResult(() => pendingActions(db));
  if (!pending.ok) return pending;
  const sendable: OutboxEntry[] = [];
  for (const entry of pending.value) {
    if (sendable.length >= limit) break;
    const problem = mutationProblem(entry.mutation);
    if (problem === null) {
      sendable.push(entry);
      continue;
    }
    const refused = await markRejected(db, entry.idempotencyKey, { code: NOT_SENT, message: problem });
    if (!refused.ok) return refused;
  }
  return { ok: true, value: sendable };
}

/** The error code of an action refused by the app before sending, rather than by the server. */
export const NOT_SENT = 'not-sent';

export async function rejectedActions(db: AgentCache): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('rejected').sortBy('seq');
}

export function markSending(db: AgentCache, keys: readonly string[]): Promise<CacheResult<number>> {
  return asCacheResult(() =>
    db.outbox
      .where('idempotencyKey')
      .anyOf([...keys])
      .and((e) => e.status === 'pending')
      .modify({ status: 'sending' }),
  );
}

/** Rebuilds a ticket from its server row and the actions other than `except` still live on it. */
async function rebuildTicket(db: AgentCache, ticketId: string, except: string): Promise<void> {
  const ticket = await db.tickets.get(ticketId);
  if (ticket?._server === undefined) return;
  const others = (await db.outbox.where('ticketId').equals(ticketId).toArray()).filter((e) => e.idempotencyKey !== except);
  await db.tickets.put(rebaseTicket(ticket._server, ticket._v, others));
}

async function removeEntry(db: AgentCache, entry: OutboxEntry): Promise<void> {
  await db.outbox.delete(entry.seq as number);
  await db.messages.delete(localMessageId(entry.idempotencyKey));
}

/**
 * The server accepted the action. With the ticket version that carries it (MutationResult's
 * `ticketVersion`), the optimistic edit and local message stay until that version has synced, so
 * nothing flickers back in between; applyBatch then settles the entry. Returns whether the key was known.
 */
export function markDone(db: AgentCache, key: string, ticketVersion?: number): Promise<CacheResult<boolean>> {
  return asCacheResult(() =>
    db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
      const entry = await db.outbox.get({ idempotencyKey: key });
      if (entry === undefined) return false;
      if (ticketVersion === undefined) {
        await removeEntry(db, entry);
        return true;
      }
      const ticket = await db.tickets.get(entry.ticketId);
      if (ticket !== undefined && ticket._v < ticketVersion) {
        await db.outbox.update(entry.seq as number, { status: 'applied', ticketVersion });
        return true;
      }
      await removeEntry(db, entry);
      // The synced row already carries this action: drop `_server` unless other actions are live.
      await rebuildTicket(db, entry.ticketId, key);
      return true;
    }),
  );
}

/** The server refused the action: keep it (for the engineer to see) and undo its edit exactly. */
export function markRejected(db: AgentCache, key: string, error: { code: string; message: string }): Promise<CacheResult<boolean>> {
  return asCacheResult(() =>
    db.transaction('rw', [db.outbox, db.tickets, db.messages], async () => {
      const entry = await db.outbox.get({ idempotencyKey: key });
      if (entry === undefined) return false;
      await db.outbox.update(entry.seq as number, { status: 'rejected', error });
      await db.messages.delete(localMessageId(key));
      await rebuildTicket(db, entry.ticketId, key);
      return true;
    }),
  );
}

/** The engineer has seen a rejection; forget it. Only rejected entries can be dismissed. */
export function dismissRejected(db: AgentCache, key: string): Promise<CacheResult<boolean>> {
  return asCacheResult(async () => (await db.outbox.where('idempotencyKey').equals(key).and((e) => e.status === 'rejected').delete()) > 0);
}
