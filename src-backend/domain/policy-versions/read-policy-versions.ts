import { versionInForce, type PolicyVersion } from '@shared/policy';
import type { Queryable } from '../../db/database';

export interface StoredPolicy {
  id: string;
  versions: PolicyVersion[];
}

function parsed(row: { id: string; versions: unknown }): StoredPolicy {
  return { id: row.id, versions: (typeof row.versions === 'string' ? JSON.parse(row.versions) : row.versions) as PolicyVersion[] };
}

/** Every workspace policy with its versions, by id. */
export async function readPolicies(tx: Queryable): Promise<StoredPolicy[]> {
  const { rows } = await tx.query<{ id: string; versions: unknown }>('SELECT id, versions FROM policies ORDER BY id');
  return rows.map(parsed);
}

/** One policy locked for update (a replacement), or null when there is none of that id. */
export async function lockPolicy(tx: Queryable, id: string): Promise<StoredPolicy | null> {
  const { rows } = await tx.query<{ id: string; versions: unknown }>('SELECT id, versions FROM policies WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] === undefined ? null : parsed(rows[0]);
}

export function newestVersion(policy: StoredPolicy): PolicyVersion {
  return policy.versions[policy.versions.length - 1] as PolicyVersion;
}

/** The version new tickets get at `at`; version 1 is in force from the start, so there always is one. */
export function inForceAt(policy: StoredPolicy, at: Date): PolicyVersion {
  return versionInForce(policy.versions, at.toISOString()) ?? (policy.versions[0] as PolicyVersion);
}
