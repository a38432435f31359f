import type { SupportCenter } from '../../support-center';
import type { Handlers } from '../route';

/**
 * The customer portal, behind the admin token. The reference backend serves it so that demos and
 * tests can move the workspace the way customers would.
 */
export function portalHandlers(center: SupportCenter): Handlers<'fileTicket' | 'addCustomerMessage' | 'submitLoginDetail' | 'purgeLoginDetail'> {
  return {
    async fileTicket({ body }) {
      return { status: 201, body: await center.fileTicket(body) };
    },
    async addCustomerMessage({ params, body }) {
      return { status: 201, body: await center.addCustomerMessage(params.id, body.body) };
    },
    async submitLoginDetail({ params, body }) {
      return { status: 201, body: await center.submitLoginDetail(params.id, body) };
    },
    async purgeLoginDetail({ params }) {
      await center.purgeLoginDetail(params.id);
      return { status: 204 };
    },
  };
}
