import { adminEndpoints } from '@shared/contract/endpoints/admin';
import type { AdminActionName } from '../../admin/admin-actions';
import { BillingImportRejected } from '../../billing/row-errors';
import type { Caller, SupportCenter } from '../../support-center';
import type { HandlerInput, Handlers } from '../route';

/** How the audit log names an admin token's holder. */
const actorOf = (caller: Extract<Caller, { role: 'admin' }>): string => `admin-token:${caller.tokenId}`;

/**
 * The vendor's side and running the workspace: every `/v1/admin` endpoint is a thin call to its
 * action, answering with the one success status its declaration lists.
 */
export function adminHandlers(center: SupportCenter): Handlers<AdminActionName> {
  const handlers = (Object.keys(adminEndpoints) as AdminActionName[]).map((name) => {
    const status = Number(Object.keys(adminEndpoints[name].responses)[0]);
    const handle = async (input: HandlerInput<(typeof adminEndpoints)[AdminActionName]>) => {
      try {
        return { status, body: await center.runAdminAction(name, actorOf(input.caller), input as never) };
      } catch (error) {
        // The import's row errors answer 400 with every one of them listed, not only the first.
        if (!(error instanceof BillingImportRejected)) throw error;
        return { status: 400, body: { error: { code: 'bad-request', message: error.message, rows: error.rows } } };
      }
    };
    return [name, handle] as const;
  });
  return Object.fromEntries(handlers) as unknown as Handlers<AdminActionName>;
}
