import { customerMessageSchema, fileTicketSchema, submitLoginDetailSchema } from '@shared/contract';
import type { SupportCenter } from '../../support-center';
import { defineRoute, json, type Route } from '../route';

/**
 * The customer portal and the vendor's admin tools, behind the admin token. The reference backend
 * serves them so that demos and tests can move the workspace the way customers would.
 */
export function portalRoutes(center: SupportCenter): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/portal/tickets',
      access: 'admin',
      async handle(ctx) {
        return json(201, await center.fileTicket(await ctx.body(fileTicketSchema)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/portal/tickets/:id/messages',
      access: 'admin',
      async handle(ctx) {
        const { body } = await ctx.body(customerMessageSchema);
        return json(201, await center.addCustomerMessage(ctx.param('id'), body));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/portal/tickets/:id/login-details',
      access: 'admin',
      async handle(ctx) {
        return json(201, await center.submitLoginDetail(ctx.param('id'), await ctx.body(submitLoginDetailSchema)));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/portal/login-details/:id',
      access: 'admin',
      async handle(ctx) {
        await center.purgeLoginDetail(ctx.param('id'));
        return json(204);
      },
    }),
  ];
}
