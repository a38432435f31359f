import type { SupportCenter } from '../../support-center';
import type { Handlers } from '../route';

/** The vendor's side: ending an account's support history, and the retention job on demand. */
export function adminHandlers(center: SupportCenter): Handlers<'terminateAccount' | 'runRetention'> {
  return {
    async terminateAccount({ params }) {
      await center.terminateAccount(params.id);
      return { status: 204 };
    },
    async runRetention() {
      return { status: 200, body: { deleted: await center.runRetention() } };
    },
  };
}
