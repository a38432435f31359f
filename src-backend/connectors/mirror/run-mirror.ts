import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { notifyingWrite } from '../../db/notifying-write';
import type { PolicyCache } from '../../domain/policy-cache';
import type { HelpdeskConnector } from '../helpdesk-connector';
import { applyHelpdeskTicket } from './apply-ticket';
import { claimLease, holdLease, LeaseLost, releaseLease } from './mirror-lease';

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
  | { ran: true; tickets: number; created: number; removed: number; entries: number; error: string | null };

const processHolder = `mirror-${randomUUID()}`;

/**
 * One mirror run: from the high-water mark (again from the mark itself: instants have one-second
 * resolution), every changed ticket is applied in its own transaction together with the mark's
 * advance to its last-updated instant. A crash anywhere leaves either the ticket and its mark or
 * neither; the next run reads the ticket again and skips the entries it has (by their helpdesk id).
 * Only the holder of the connector's lease mirrors; the run's error, if any, is recorded in
 * connector_state and returned, never thrown for what the helpdesk answered.
 */
export async function runMirror(deps: MirrorDeps): Promise<MirrorOutcome> {
  const { db, connector, policies, leaseMs } = deps;
  const clock = deps.clock ?? (() => new Date());
  const holder = deps.holder ?? processHolder;
  const kind = connector.kind;
  const lease = await db.transaction((tx) => claimLease(tx, kind, holder, clock(), leaseMs));
  if (lease === null) return { ran: false, reason: 'another instance is mirroring' };
  const counts = { tickets: 0, created: 0, removed: 0, entries: 0 };
  let error: string | null = null;
  try {
    let mark = lease.highWater;
    for (let page: string | null = null, first = true; first || page !== null; first = false) {
      const changes = await connector.changesSince({ updatedAt: mark }, page);
      if (!changes.ok) {
        error = `${changes.error.code}: ${changes.error.message}`;
        break;
      }
      for (const ticket of changes.value.tickets) {
        const applied = await notifyingWrite(db, async (tx) => {
          await holdLease(tx, kind, holder, clock(), leaseMs);
          const outcome = await applyHelpdeskTicket(tx, policies, kind, ticket, clock());
          await tx.query('UPDATE connector_state SET high_water = $2 WHERE connector = $1', [kind, ticket.updatedAt]);
          return outcome;
        }, (outcome) => outcome.changed);
        mark = ticket.updatedAt;
        counts.tickets++;
        counts.created += applied.created ? 1 : 0;
        counts.removed += applied.removed ? 1 : 0;
        counts.entries += applied.entries;
        deps.afterTicket?.(ticket.externalId);
      }
      page = changes.value.next;
    }
  } catch (thrown) {
    error = thrown instanceof LeaseLost ? thrown.message : `failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    if (thrown instanceof LeaseLost) return { ran: true, ...counts, error };
  }
  await db.transaction((tx) => releaseLease(tx, kind, holder, clock(), error));
  return { ran: true, ...counts, error };
}
