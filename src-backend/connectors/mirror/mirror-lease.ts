import type { Queryable } from '../../db/database';
import type { HighWaterMark } from '../helpdesk-connector';

/** The lease was taken over (this instance stalled past it): the run stops where it is. */
export class LeaseLost extends Error {}

/**
 * Takes the connector's lease when it is free, expired or already ours, and answers the
 * high-water mark to resume from; null when another instance holds it.
 */
export async function claimLease(tx: Queryable, connector: string, holder: string, now: Date, leaseMs: number): Promise<HighWaterMark | null> {
  await tx.query('INSERT INTO connector_state (connector) VALUES ($1) ON CONFLICT (connector) DO NOTHING', [connector]);
  const { rows } = await tx.query<{ high_water: Date | string | null; high_water_id: string | null; mirror_holder: string | null; held: boolean }>(
    `SELECT high_water, high_water_id, mirror_holder, mirror_lease_until > $2::timestamptz AS held FROM connector_state WHERE connector = $1 FOR UPDATE`,
    [connector, now.toISOString()],
  );
  const state = rows[0];
  if (state === undefined || (state.held === true && state.mirror_holder !== holder)) return null;
  await extendLease(tx, connector, holder, now, leaseMs);
  const mark = state.high_water;
  return { updatedAt: mark === null ? null : new Date(mark).toISOString(), externalId: state.high_water_id };
}

/**
 * At the end of a ticket's write: moves the mark and extends the lease, if the lease is still ours
 * (else the write rolls back: another instance took over). One statement, once per ticket.
 */
export async function advanceMark(tx: Queryable, connector: string, holder: string, now: Date, leaseMs: number, mark: HighWaterMark): Promise<void> {
  const { rows } = await tx.query(
    `UPDATE connector_state SET high_water = $5, high_water_id = $6, mirror_lease_until = $3::timestamptz + make_interval(secs => $4), updated_at = $3
      WHERE connector = $1 AND mirror_holder = $2 RETURNING connector`,
    [connector, holder, now.toISOString(), leaseMs / 1000, mark.updatedAt, mark.externalId ?? null],
  );
  if (rows.length === 0) throw new LeaseLost(`another instance took over the ${connector} mirror`);
}

async function extendLease(tx: Queryable, connector: string, holder: string, now: Date, leaseMs: number): Promise<void> {
  await tx.query(
    "UPDATE connector_state SET mirror_holder = $2, mirror_lease_until = $3::timestamptz + make_interval(secs => $4), updated_at = $3 WHERE connector = $1",
    [connector, holder, now.toISOString(), leaseMs / 1000],
  );
}

/** The run is over: the lease is free, and the outcome is recorded (an error, or a clean run). */
export async function releaseLease(tx: Queryable, connector: string, holder: string, now: Date, error: string | null): Promise<void> {
  const outcome = error === null ? 'last_mirror_at = $3, last_error = NULL, last_error_at = NULL' : 'last_error = $4, last_error_at = $3';
  await tx.query(
    `UPDATE connector_state SET ${outcome}, mirror_holder = NULL, mirror_lease_until = NULL, updated_at = $3 WHERE connector = $1 AND mirror_holder = $2`,
    error === null ? [connector, holder, now.toISOString()] : [connector, holder, now.toISOString(), error],
  );
}
