import { syncQuerySchema } from '../../../src-shared/contract/index';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';
import { queryObject, validateInput } from '../validate-input';

export function syncRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/sync',
      access: 'engineer',
      async handle(ctx) {
        const query = validateInput(syncQuerySchema, queryObject(ctx.query), 'query');
        return json(200, await center.sync(ctx.caller, query));
      },
    }),
  ];
}
