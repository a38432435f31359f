import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/database';
import { notifyingWrite } from '../../db/notifying-write';
import type { PolicyCache } from '../../domain/policy-cache';
import type { Result } from '@shared/ipc/result';
import type { ChangePage, HelpdeskConnector, HelpdeskTicket, HighWaterMark } from '../helpdesk-connector';
import { applyHelpdeskTicket } from './apply-ticket';
import { advanceMark, claimLease, LeaseLost, releaseLease } from './mirror-lease';
import { writebackInFlight } from '../writeback/writeback-rows';

export interface MirrorDeps {
  db: Database;
  connector: HelpdeskConnector;
  policies: PolicyCache;
  /** Names this instance's runs in the lease; one per process. */
  holder?: string;
  leaseMs: number;
  clock?: () => Date;
  /** Tests: called after each ticket's transaction committed, to stop a run between tickets. */
  afterTicket?: (externalId: string) => void;
}

export type MirrorOutcome =
  | { ran: false; reason: 'another instance is mirroring' }
  | {
      ran: true; tickets: number; created: number; removed: number; entries: number; error: string | null;
      /** The helpdesk ticket the run stopped before: an engineer's action on it was being written back. */
      waitedFor: string | null;
    };

/** This process's name in the mirror's lease, readable by operations: host, pid, and a nonce for pid reuse. */
export const mirrorHolder = `${hostname()} pid ${process.pid} ${randomUUID().slice(0, 8)}`;

type Counts = { tickets: number; created: number; removed: number; entries: number; waitedFor: string | null };

/**
 * The mark after a ticket. A merged-away ticket comes with its survivor's instant just before it,
 * whatever the ids: the mark stays at the start of that instant, so the survivor is not skipped.
 */
function markAfter(ticket: HelpdeskTicket): HighWaterMark {
  return { updatedAt: ticket.updatedAt, externalId: ticket.mergedInto === null ? ticket.externalId : null };
}

/**
 * A page's tickets, each in its own transaction with the mark's advance; answers the new mark, or
 * null when the run stops at a ticket whose write-back is under way (the mark stays before it).
 */
async function applyPage(deps: MirrorDeps & { holder: string; clock: () => Date }, tickets: HelpdeskTicket[], counts: Counts, mark: HighWaterMark): Promise<HighWaterMark | null> {
  const { db, connector, policies, leaseMs, holder, clock } = deps;
  const kind = connector.kind;
  for (const ticket of tickets) {
    const applied = await notifyingWrite(db, async (tx) => {
      if (await writebackInFlight(tx, kind, ticket.externalId, clock())) return null;
      const outcome = await applyHelpdeskTicket(tx, policies, kind, ticket, clock());
      await advanceMark(tx, kind, holder, clock(), leaseMs, markAfter(ticket));
      return outcome;
    }, (outcome) => outcome?.changed === true);
    if (applied === null) {
      // The action's transaction may be in the helpdesk and not yet recorded: the next run reads the ticket again.
      counts.waitedFor = ticket.externalId;
      return null;
    }
    mark = markAfter(ticket);
    counts.tickets++;
    counts.created += applied.created ? 1 : 0;
    counts.removed += applied.removed ? 1 : 0;
    counts.entries += applied.entries;
    deps.afterTicket?.(ticket.externalId);
  }
  return mark;
}

/**
 * One mirror run: from the high-water mark (after the mark's ticket, or from the mark's instant
 * itself when the helpdesk cannot order ties), every changed ticket is applied in its own transaction together with the mark's
 * advance to its last-updated instant. A crash anywhere leaves either the ticket and its mark or
 * neither; the next run reads the ticket again and skips the entries it has (by their helpdesk id).
 * Only the holder of the connector's lease mirrors; the run's error, if any, is recorded in
 * connector_state and returned, never thrown for what the helpdesk answered.
 */
export async function runMirror(deps: MirrorDeps): Promise<MirrorOutcome> {
  const run = { ...deps, clock: deps.clock ?? (() => new Date()), holder: deps.holder ?? mirrorHolder };
  const { db, connector, leaseMs, clock, holder } = run;
  const kind = connector.kind;
  const lease = await db.transaction((tx) => claimLease(tx, kind, holder, clock(), leaseMs));
  if (lease === null) return { ran: false, reason: 'another instance is mirroring' };
  const counts: Counts = { tickets: 0, created: 0, removed: 0, entries: 0, waitedFor: null };
  let error: string | null = null;
  let mark = lease;
  // The next page is read from the helpdesk while this one is written: the two overlap.
  let upcoming: Promise<Result<ChangePage>> | null = connector.changesSince(mark, null);
  try {
    while (upcoming !== null) {
      const changes: Result<ChangePage> = await upcoming;
      upcoming = null;
      if (!changes.ok) {
        error = `${changes.error.code}: ${changes.error.message}`;
        break;
      }
      if (changes.value.next !== null) upcoming = connector.changesSince(mark, changes.value.next);
      const reached = await applyPage(run, changes.value.tickets, counts, mark);
      if (reached === null) {
        await upcoming;
        break;
      }
      mark = reached;
    }
  } catch (thrown) {
    error = thrown instanceof LeaseLost ? thrown.message : `failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    // A page read ahead and no longer wanted: its answer (a value, never a throw) is dropped.
    await upcoming;
    if (thrown instanceof LeaseLost) return { ran: true, ...counts, error };
  }
  await db.transaction((tx) => releaseLease(tx, kind, holder, clock(), error));
  return { ran: true, ...counts, error };
}
