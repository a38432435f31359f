import type { SupportPolicy } from '../policy-schema';

/**
 * One version of a workspace policy. A ticket keeps the version in force when it was created, so
 * a change of hours or prices never moves the deadlines and credits of tickets already filed.
 */
export interface PolicyVersion {
  /** 1, 2, 3... in the order the versions were made. */
  readonly number: number;
  /** ISO UTC instant from which new tickets get this version. */
  readonly effectiveFrom: string;
  /** What changed from the version before, one line per change. */
  readonly summary: string[];
  readonly policy: SupportPolicy;
}

/** Version 1 of every policy is in force from the start: the epoch, before any ticket. */
export const FIRST_VERSION_EFFECTIVE_FROM = '1970-01-01T00:00:00.000Z';

export function firstPolicyVersion(policy: SupportPolicy): PolicyVersion {
  return { number: 1, effectiveFrom: FIRST_VERSION_EFFECTIVE_FROM, summary: ['The first version'], policy };
}

/**
 * The version new tickets get at `at` (ISO instant): the newest one whose start has come.
 * Versions start in the order they are numbered, so a later version that starts at the same
 * instant as an earlier one supersedes it. Undefined before version 1 (never, for tickets).
 */
export function versionInForce<V extends Pick<PolicyVersion, 'number' | 'effectiveFrom'>>(versions: readonly V[], at: string): V | undefined {
  const atMs = Date.parse(at);
  let found: V | undefined;
  for (const version of versions) {
    if (Date.parse(version.effectiveFrom) <= atMs && (found === undefined || version.number > found.number)) found = version;
  }
  return found;
}
