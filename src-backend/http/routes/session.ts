import { RequestError, type SupportCenter } from '../../support-center';
import { apiError } from '../error-reply';
import { FailureLimiter, SIGN_IN_FAILURES } from '../failure-limiter';
import type { Handlers } from '../route';

/**
 * Tells a signed-in engineer which engineer row they are (the app needs it for "mine" filters) and
 * which workspace this is (the cache holds one at a time), and signs an engineer in with a one-time
 * code. Wrong codes are limited per client address: a code has 50 bits, so the limit is not what
 * keeps it from being guessed; it stops one client from hammering the endpoint and the database.
 */
export function sessionHandlers(center: SupportCenter): Handlers<'me' | 'exchangeSignInCode'> {
  const wrongCodes = new FailureLimiter(SIGN_IN_FAILURES);
  return {
    async exchangeSignInCode({ req, body }) {
      const address = req.socket.remoteAddress ?? 'unknown';
      const waitMs = wrongCodes.waitMs(address);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1_000);
        const message = `too many wrong sign-in codes from this address (${SIGN_IN_FAILURES.max} a minute); try again in ${seconds} s`;
        return { status: 429, headers: { 'Retry-After': String(seconds) }, body: apiError('too-many-requests', message) };
      }
      try {
        return { status: 200, body: await center.exchangeSignInCode(body.code) };
      } catch (error) {
        if (error instanceof RequestError && error.field === 'code') wrongCodes.fail(address);
        throw error;
      }
    },
    async me({ caller }) {
      return { status: 200, body: { engineerId: caller.engineerId, workspaceId: await center.workspaceId() } };
    },
  };
}
