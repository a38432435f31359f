import { compilePolicy, versionInForce, type PolicyVersion, type SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';
import { RequestError } from '../support-center';

/**
 * Workspace policies by id, with all their versions. The engine caches compiled calendars by object
 * identity, so versions read from the database are reused while the row is unchanged instead of
 * recompiled per request; a row changes only when a version is added.
 */
export class PolicyCache {
  private readonly byKey = new Map<string, readonly PolicyVersion[]>();

  /** Every version of policy `id`, oldest first. `share` locks the row against a concurrent replacement. */
  async versions(tx: Queryable, id: string, share = false): Promise<readonly PolicyVersion[]> {
    const { rows } = await tx.query<{ versions: unknown; version: number }>(
      `SELECT versions, version FROM policies WHERE id = $1${share ? ' FOR SHARE' : ''}`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) throw new RequestError(404, 'not-found', `policy ${id} does not exist`, 'policyId');
    const key = `${id}@${row.version}`;
    let versions = this.byKey.get(key);
    if (versions === undefined) {
      versions = (typeof row.versions === 'string' ? JSON.parse(row.versions) : row.versions) as PolicyVersion[];
      for (const v of versions) compilePolicy(v.policy);
      this.byKey.set(key, versions);
    }
    return versions;
  }

  /**
   * The version new tickets get at `at`. The row is locked for share: a replacement waits for the
   * ticket's transaction, and a ticket waits for a replacement's, so no ticket created after a new
   * version's start can miss it.
   */
  async inForce(tx: Queryable, id: string, at: string): Promise<PolicyVersion> {
    const version = versionInForce(await this.versions(tx, id, true), at);
    if (version === undefined) throw new RequestError(409, 'conflict', `policy ${id} has no version in force at ${at}`, 'policyId');
    return version;
  }

  /** The policy a ticket runs under: its own version. */
  async ofTicket(tx: Queryable, ticket: Record<string, unknown>): Promise<SupportPolicy> {
    const number = Number(ticket.policy_version);
    const version = (await this.versions(tx, String(ticket.policy_id))).find((v) => v.number === number);
    if (version === undefined) throw new Error(`ticket ${String(ticket.id)} names version ${number} of policy ${String(ticket.policy_id)}, which does not exist`);
    return version.policy;
  }
}
