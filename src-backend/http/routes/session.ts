import type { Handlers } from '../route';

/** Tells a signed-in engineer which engineer row they are; the app needs it for "mine" filters. */
export function sessionHandlers(): Handlers<'me'> {
  return {
    async me({ caller }) {
      return { status: 200, body: { engineerId: caller.engineerId } };
    },
  };
}
