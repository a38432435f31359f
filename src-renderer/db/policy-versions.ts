import type { PolicyRow, PolicyVersionRow } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';

/**
 * Tickets run under the version of their policy that was in force when they were created
 * (`ticket.policyVersion`); the cached policy row holds every version.
 */

export function policyVersionKey(policyId: string, version: number): string {
  return `${policyId}@${version}`;
}

/** Every version of every cached policy, by `policyVersionKey`. */
export function policiesByVersion(rows: readonly PolicyRow[]): Map<string, SupportPolicy> {
  return new Map(rows.flatMap((row) => row.versions.map((v) => [policyVersionKey(row.id, v.number), v.policy] as const)));
}

/** The version a ticket runs under, or undefined when the policy row has not synced it yet. */
export function versionOfTicket(row: PolicyRow, ticket: { policyVersion: number }): PolicyVersionRow | undefined {
  return row.versions.find((v) => v.number === ticket.policyVersion);
}
