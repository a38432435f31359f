import { defineRoute, json, type Route } from '../route';

/** Tells a signed-in engineer which engineer row they are; the app needs it for "mine" filters. */
export function sessionRoutes(): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/me',
      access: 'engineer',
      async handle(ctx) {
        return json(200, { engineerId: ctx.caller.engineerId });
      },
    }),
  ];
}
