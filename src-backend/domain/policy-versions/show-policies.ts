import type { WorkspacePolicies } from '@shared/contract';
import type { Queryable } from '../../db/database';
import { inForceAt, newestVersion, readPolicies } from './read-policy-versions';

/** Every workspace policy: its versions, oldest first, and the one new tickets get at `now`. */
export async function showPolicies(tx: Queryable, now: Date): Promise<WorkspacePolicies> {
  const policies = await readPolicies(tx);
  return {
    serverTime: now.toISOString(),
    policies: policies.map((p) => ({ id: p.id, name: newestVersion(p).policy.name, inForce: inForceAt(p, now).number, versions: p.versions })),
  };
}
