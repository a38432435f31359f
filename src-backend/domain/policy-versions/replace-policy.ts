import type { PolicyReplaced, PolicyReplacement } from '@shared/contract';
import { describePolicyChanges, formatInstant, type PolicyVersion } from '@shared/policy';
import type { Queryable } from '../../db/database';
import { RequestError } from '../../support-center';
import { recordChange } from '../change-log';
import type { AdminContext } from './admin-audit';
import { lockPolicy, newestVersion } from './read-policy-versions';

/**
 * Adds a version of the policy `replacement.policy.id`, for tickets created from `effectiveFrom`
 * on. Tickets already filed keep their version. The start may not lie in the past (tickets created
 * since would hold a version that was not in force for them) nor before the newest version's start
 * (versions start in the order they are made); a version scheduled for the future is superseded by
 * a new one starting at the same instant. Refused without any change; the policy itself has passed
 * the policy schema (its refinements included) before it gets here.
 */
export async function replacePolicy(tx: Queryable, replacement: PolicyReplacement, ctx: AdminContext): Promise<PolicyReplaced> {
  const { policy } = replacement;
  const stored = await lockPolicy(tx, policy.id);
  if (stored === null) throw new RequestError(404, 'not-found', `policy ${policy.id} does not exist; only existing policies can be replaced`, 'policy.id');
  const newest = newestVersion(stored);
  const nowMs = ctx.clock().getTime();
  const startMs = replacement.effectiveFrom === 'now' ? nowMs : Date.parse(replacement.effectiveFrom);
  if (startMs < nowMs) {
    throw new RequestError(400, 'bad-request', `effectiveFrom: must not lie in the past (the server's time is ${formatInstant(nowMs)})`, 'effectiveFrom');
  }
  if (startMs < Date.parse(newest.effectiveFrom)) {
    throw new RequestError(400, 'bad-request', `effectiveFrom: must not lie before version ${newest.number}'s start ${newest.effectiveFrom}`, 'effectiveFrom');
  }
  if (JSON.stringify(policy) === JSON.stringify(newest.policy)) {
    throw new RequestError(409, 'conflict', `policy: the same as version ${newest.number}; nothing to replace`, 'policy');
  }
  const version: PolicyVersion = {
    number: newest.number + 1,
    effectiveFrom: formatInstant(startMs),
    summary: describePolicyChanges(newest.policy, policy),
    policy,
  };
  const rowVersion = await recordChange(tx, { entity: 'policy', id: policy.id, accountId: null, op: 'upsert' });
  await tx.query('UPDATE policies SET policy = $2, versions = $3, version = $4 WHERE id = $1', [
    policy.id, JSON.stringify(policy), JSON.stringify([...stored.versions, version]), rowVersion,
  ]);
  await ctx.recordAdminAction(tx, {
    actor: ctx.actor,
    action: 'policy.replace',
    target: `policy:${policy.id}`,
    before: { version: newest.number, effectiveFrom: newest.effectiveFrom },
    after: { version: version.number, effectiveFrom: version.effectiveFrom, summary: version.summary },
  });
  return { policyId: policy.id, version };
}
