import type { SupportCenter } from '../../support-center';
import type { Handlers } from '../route';

export function engineerActionHandlers(center: SupportCenter): Handlers<'mutations' | 'revealLoginDetail'> {
  return {
    // Each action is accepted or rejected on its own; the request fails only when the batch is malformed.
    async mutations({ caller, body }) {
      return { status: 200, body: await center.applyMutations(caller, body) };
    },
    // The only way a login detail's plaintext leaves the backend: to the ticket's assignee, audited.
    async revealLoginDetail({ caller, params }) {
      return { status: 200, body: await center.revealLoginDetail(caller, params.id) };
    },
  };
}
