import { endpoints } from '@shared/contract/endpoints';
import { adminActionNames, type AdminActionName } from '../../admin/admin-actions';
import type { Caller, SupportCenter } from '../../support-center';
import type { HandlerInput, Handlers } from '../route';

/** How the audit log names an admin token's holder. */
const actorOf = (caller: Extract<Caller, { role: 'admin' }>): string => `admin-token:${caller.tokenId}`;

/**
 * The vendor's side: ending an account's support history, the retention job on demand, and
 * running the workspace (engineers, tokens, sign-in codes, audit), each a thin call to its action.
 */
export function adminHandlers(center: SupportCenter): Handlers<'terminateAccount' | 'runRetention' | AdminActionName> {
  return {
    async terminateAccount({ params }) {
      await center.terminateAccount(params.id);
      return { status: 204 };
    },
    async runRetention() {
      return { status: 200, body: { deleted: await center.runRetention() } };
    },
    ...actionHandlers(center),
  };
}

/** Each action answers with the one success status its declaration lists. */
function actionHandlers(center: SupportCenter): Handlers<AdminActionName> {
  const handlers = adminActionNames.map((name) => {
    const status = Number(Object.keys(endpoints[name].responses)[0]);
    const handle = async (input: HandlerInput<(typeof endpoints)[AdminActionName]>) => ({
      status,
      body: await center.runAdminAction(name, actorOf(input.caller), input as never),
    });
    return [name, handle] as const;
  });
  return Object.fromEntries(handlers) as unknown as Handlers<AdminActionName>;
}
