import { randomBytes } from 'node:crypto';
import type { AddEngineer, AdminEngineer } from '@shared/contract';
import type { Queryable } from '../db/database';
import { recordChange } from '../domain/change-log';
import { RequestError } from '../support-center';
import { recordAdminAction } from './audit';

const COLUMNS = 'id, name, email, disabled';

export async function listEngineers(q: Queryable): Promise<AdminEngineer[]> {
  const { rows } = await q.query<AdminEngineer>(`SELECT ${COLUMNS} FROM engineers ORDER BY lower(name), id`);
  return rows;
}

/** A new engineer, synced to every app (ticket assignees show their name); 409 when the address is taken. */
export async function addEngineer(tx: Queryable, actor: string, input: AddEngineer): Promise<AdminEngineer> {
  const taken = await tx.query('SELECT 1 FROM engineers WHERE lower(email) = lower($1)', [input.email]);
  if (taken.rows.length > 0) throw new RequestError(409, 'conflict', `email: an engineer with ${input.email} already exists`, 'email');
  const engineer: AdminEngineer = { id: `eng-${randomBytes(6).toString('hex')}`, name: input.name, email: input.email, disabled: false };
  const version = await recordChange(tx, { entity: 'engineer', id: engineer.id, accountId: null, op: 'upsert' });
  await tx.query('INSERT INTO engineers (id, name, email, version) VALUES ($1, $2, $3, $4)', [engineer.id, engineer.name, engineer.email, version]);
  await recordAdminAction(tx, { actor, action: 'engineer.add', target: engineer.id, before: null, after: engineer });
  return engineer;
}

/** Disabling stops the engineer's tokens and codes within the token cache's 5 s; enabling lets them work again. */
export async function setEngineerDisabled(tx: Queryable, actor: string, id: string, disabled: boolean): Promise<AdminEngineer> {
  const { rows } = await tx.query<AdminEngineer>(`SELECT ${COLUMNS} FROM engineers WHERE id = $1 FOR UPDATE`, [id]);
  const before = rows[0];
  if (before === undefined) throw new RequestError(404, 'not-found', `engineer ${id} does not exist`, 'id');
  if (before.disabled === disabled) return before;
  await tx.query('UPDATE engineers SET disabled = $2 WHERE id = $1', [id, disabled]);
  const after = { ...before, disabled };
  await recordAdminAction(tx, { actor, action: disabled ? 'engineer.disable' : 'engineer.enable', target: id, before, after });
  return after;
}
