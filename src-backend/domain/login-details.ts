import { randomUUID } from 'node:crypto';
import type { LoginDetailRow, RevealedLoginDetail } from '@shared/contract';
import { loginDetailsExpiresAt } from '@shared/policy';
import type { Queryable } from '../db/database';
import { openSecret, sealSecret } from '../security/login-detail-cipher';
import { RequestError, type Caller } from '../support-center';
import { recordChange } from './change-log';
import type { PolicyCache } from './policy-cache';
import { rowMappers } from './row-mappers';
import { lockTicket } from './ticket-columns';

/** Stores a login detail encrypted (the row id is bound in as associated data); syncs metadata only. */
export async function submitLoginDetail(
  tx: Queryable, policies: PolicyCache, key: Buffer, ticketId: string, input: { label: string; secret: string }, now: Date,
): Promise<LoginDetailRow> {
  const ticket = await lockTicket(tx, ticketId);
  const policy = await policies.ofTicket(tx, ticket);
  const id = `ld-${randomUUID()}`;
  const sealed = sealSecret(key, input.secret, id);
  const submittedAt = now.toISOString();
  const accountId = String(ticket.account_id);
  const version = await recordChange(tx, { entity: 'loginDetail', id, accountId, op: 'upsert' });
  const { rows } = await tx.query(
    `INSERT INTO login_details (id, ticket_id, account_id, label, ciphertext, iv, auth_tag, submitted_at, expires_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, ticket_id, account_id, label, submitted_at, expires_at, version`,
    [id, ticketId, accountId, input.label, sealed.ciphertext, sealed.iv, sealed.authTag, submittedAt, loginDetailsExpiresAt(policy, submittedAt), version],
  );
  return rowMappers.loginDetail(rows[0] as Record<string, unknown>);
}

/** Deletes one login detail for real and syncs the deletion. */
export async function deleteLoginDetail(tx: Queryable, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ account_id: string }>('DELETE FROM login_details WHERE id = $1 RETURNING account_id', [id]);
  if (rows[0] === undefined) return false;
  await recordChange(tx, { entity: 'loginDetail', id, accountId: rows[0].account_id, op: 'delete' });
  return true;
}

export type RevealOutcome = { revealed: RevealedLoginDetail } | { refused: RequestError };

type AuditOutcome = 'revealed' | 'refused' | 'not-found' | 'expired';

/**
 * Plaintext for the ticket's assignee only. Every attempt is audited, whatever its outcome (an
 * unknown or purged id, a detail past its 30 days, another engineer, an admin token), so the caller
 * commits the transaction and throws the refusal afterwards.
 */
export async function revealLoginDetail(tx: Queryable, key: Buffer, caller: Caller, id: string, now: Date): Promise<RevealOutcome> {
  const { rows } = await tx.query(
    `SELECT d.*, t.assignee_id FROM login_details d JOIN tickets t ON t.id = d.ticket_id WHERE d.id = $1 FOR UPDATE OF d`,
    [id],
  );
  const row = rows[0];
  const audit = (outcome: AuditOutcome) =>
    tx.query('INSERT INTO reveal_audit (login_detail_id, caller_role, engineer_id, ticket_id, outcome, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, caller.role, caller.role === 'engineer' ? caller.engineerId : null, row?.ticket_id ?? null, outcome, now.toISOString(),
    ]);
  if (caller.role === 'admin') {
    await audit('refused');
    return { refused: new RequestError(403, 'forbidden', 'this route needs an engineer token') };
  }
  if (row === undefined || (row.expires_at as Date).getTime() <= now.getTime()) {
    await audit(row === undefined ? 'not-found' : 'expired');
    if (row !== undefined) await deleteLoginDetail(tx, id);
    return { refused: new RequestError(404, 'not-found', `login detail ${id} does not exist (purged or past its 30 days)`, 'id') };
  }
  const allowed = row.assignee_id === caller.engineerId;
  await audit(allowed ? 'revealed' : 'refused');
  if (!allowed) return { refused: new RequestError(403, 'forbidden', 'only the engineer who claimed the ticket may reveal its login details', 'id') };
  const secret = openSecret(key, { ciphertext: row.ciphertext as Buffer, iv: row.iv as Buffer, authTag: row.auth_tag as Buffer }, id);
  return { revealed: { id, label: String(row.label), secret, revealedAt: now.toISOString() } };
}

/** Login details past their retention limit are deleted, not hidden. */
export async function deleteExpiredLoginDetails(tx: Queryable, now: Date): Promise<number> {
  // Locked in id order first, the order a termination locks an account's details in.
  await tx.query('SELECT id FROM login_details WHERE expires_at <= $1 ORDER BY id COLLATE "C" FOR UPDATE', [now.toISOString()]);
  const { rows } = await tx.query<{ id: string; account_id: string }>('DELETE FROM login_details WHERE expires_at <= $1 RETURNING id, account_id', [now.toISOString()]);
  for (const row of rows) await recordChange(tx, { entity: 'loginDetail', id: row.id, accountId: row.account_id, op: 'delete' });
  return rows.length;
}

/** An arbitrary constant of our own: the advisory lock every instance takes to run retention. */
const RETENTION_LOCK = 7_262_027;
const RETENTION_JOB = 'login-details';

export type RetentionTrigger = { kind: 'admin' } | { kind: 'schedule'; intervalMs: number };

/**
 * The retention job, once across every instance on the database. An admin run waits for a run
 * under way and then runs; a scheduled run gives way when another instance holds the lock, or
 * when any instance has run within the interval. Either way the run is recorded in the same
 * transaction as its deletions. Returns how many were deleted, or null when it did not run.
 */
export async function runRetentionJob(tx: Queryable, now: Date, trigger: RetentionTrigger): Promise<number | null> {
  if (trigger.kind === 'admin') {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
  } else {
    const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RETENTION_LOCK]);
    if (rows[0]?.locked !== true) return null;
    const last = await tx.query<{ started_at: Date }>('SELECT started_at FROM retention_runs WHERE job = $1 ORDER BY started_at DESC LIMIT 1', [RETENTION_JOB]);
    const lastAt = last.rows[0]?.started_at;
    if (lastAt !== undefined && now.getTime() - new Date(lastAt).getTime() < trigger.intervalMs) return null;
  }
  const deleted = await deleteExpiredLoginDetails(tx, now);
  // The record of runs is itself kept for a month only.
  await tx.query("DELETE FROM retention_runs WHERE job = $1 AND started_at < $2::timestamptz - interval '30 days'", [RETENTION_JOB, now.toISOString()]);
  await tx.query('INSERT INTO retention_runs (job, started_at, deleted, trigger) VALUES ($1, $2, $3, $4)', [RETENTION_JOB, now.toISOString(), deleted, trigger.kind]);
  return deleted;
}
