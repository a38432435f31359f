import { recordAdminAction } from './audit';
import { recomputeOpenTickets } from '../domain/policy-versions/recompute-open-tickets';
import { replacePolicy } from '../domain/policy-versions/replace-policy';
import { showPolicies } from '../domain/policy-versions/show-policies';
import type { ActionContext, Actions } from './admin-actions';

/** What the policy-version functions take: the clock, who acts, and the audit log to write. */
const policyContext = ({ actor, clock }: ActionContext) => ({ actor, clock, recordAdminAction });

/** The workspace policies' versions (docs/policy-administration.md); replacing and recomputing audit themselves. */
export const policyActions: Actions<'showPolicy' | 'replacePolicy' | 'recomputePolicy'> = {
  showPolicy: (tx, { clock }) => showPolicies(tx, clock()),
  replacePolicy: (tx, ctx, { body }) => replacePolicy(tx, body, policyContext(ctx)),
  recomputePolicy: (tx, ctx) => recomputeOpenTickets(tx, policyContext(ctx)),
};
