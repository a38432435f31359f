import type { SupportCenter } from '../../support-center';
import type { Handlers } from '../route';

/**
 * Tells a signed-in engineer which engineer row they are (the app needs it for "mine" filters) and
 * which workspace this is (the cache holds one at a time), and signs an engineer in with a one-time code.
 */
export function sessionHandlers(center: SupportCenter): Handlers<'me' | 'exchangeSignInCode'> {
  return {
    async exchangeSignInCode({ body }) {
      return { status: 200, body: await center.exchangeSignInCode(body.code) };
    },
    async me({ caller }) {
      return { status: 200, body: { engineerId: caller.engineerId, workspaceId: await center.workspaceId() } };
    },
  };
}
