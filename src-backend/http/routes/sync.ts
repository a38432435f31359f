import { syncQuerySchema } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';
import { JsonText } from '../send-response';
import { queryObject, validateInput } from '../validate-input';

export function syncRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/sync',
      access: 'engineer',
      async handle(ctx) {
        const query = validateInput(syncQuerySchema, queryObject(ctx.query), 'query');
        // Sent as the database wrote it: parsing and re-serializing a page would cost more than reading it.
        return json(200, new JsonText(await center.syncJson(ctx.caller, query)));
      },
    }),
  ];
}
