import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/** Tells a signed-in engineer which engineer row they are and which workspace this is. */
export function sessionRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/me',
      access: 'engineer',
      async handle(ctx) {
        return json(200, { engineerId: ctx.caller.engineerId, workspaceId: await center.workspaceId() });
      },
    }),
  ];
}
