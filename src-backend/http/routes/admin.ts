import { retentionRunResultSchema } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/** The vendor's side: ending an account's support history, and the retention job on demand. */
export function adminRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/admin/accounts/:id/terminate',
      access: 'admin',
      async handle(ctx) {
        await center.terminateAccount(ctx.param('id'));
        return json(204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/admin/retention/run',
      access: 'admin',
      async handle() {
        return json(200, retentionRunResultSchema.parse({ deleted: await center.runRetention() }));
      },
    }),
  ];
}
