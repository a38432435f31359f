import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/**
 * The only way a login detail's plaintext leaves the backend: to the ticket's assignee. Any valid
 * token reaches the center, so that an admin token's attempt is audited too (and refused there).
 */
export function loginDetailRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/login-details/:id/reveal',
      access: 'token',
      async handle(ctx) {
        return json(200, await center.revealLoginDetail(ctx.caller, ctx.param('id')));
      },
    }),
  ];
}
