import { compilePolicy, type SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { RequestError } from '../support-center';

/**
 * Workspace policies by id. The engine caches compiled calendars by object identity, so a policy
 * read from the database is reused while its version is unchanged instead of recompiled per request.
 */
export class PolicyCache {
  private readonly byKey = new Map<string, SupportPolicy>();

  async get(tx: Queryable, id: string): Promise<SupportPolicy> {
    const { rows } = await tx.query<{ policy: unknown; version: number }>('SELECT policy, version FROM policies WHERE id = $1', [id]);
    const row = rows[0];
    if (row === undefined) throw new RequestError(404, 'not-found', `policy ${id} does not exist`, 'policyId');
    const key = `${id}@${row.version}`;
    let policy = this.byKey.get(key);
    if (policy === undefined) {
      policy = (typeof row.policy === 'string' ? JSON.parse(row.policy) : row.policy) as SupportPolicy;
      compilePolicy(policy);
      this.byKey.set(key, policy);
    }
    return policy;
  }
}
