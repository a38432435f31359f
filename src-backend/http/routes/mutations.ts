import { mutationBatchSchema } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/**
 * A batch of engineer actions. Each action is accepted or rejected on its own (the results
 * array); the request as a whole fails only when the batch itself is malformed.
 */
export function mutationRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/mutations',
      access: 'engineer',
      async handle(ctx) {
        const batch = await ctx.body(mutationBatchSchema);
        return json(200, await center.applyMutations(ctx.caller, batch));
      },
    }),
  ];
}
