import { endpoints } from '@shared/contract/endpoints';
import { adminActionNames, type AdminActionName } from '../../admin/admin-actions';
import { BillingImportRejected } from '../../billing/row-errors';
import type { Caller, SupportCenter } from '../../support-center';
import type { HandlerInput, Handlers } from '../route';

/** How the audit log names an admin token's holder. */
const actorOf = (caller: Extract<Caller, { role: 'admin' }>): string => `admin-token:${caller.tokenId}`;

type PolicyAndBilling = 'importBilling' | 'showPolicy' | 'replacePolicy' | 'recomputePolicy';

/**
 * The vendor's side: ending an account's support history, the retention job on demand, billing
 * imports, the workspace policies' versions, and running the workspace (engineers, tokens, sign-in
 * codes, audit), each a thin call to its action.
 */
export function adminHandlers(center: SupportCenter): Handlers<'terminateAccount' | 'runRetention' | PolicyAndBilling | AdminActionName> {
  return {
    async terminateAccount({ params }) {
      await center.terminateAccount(params.id);
      return { status: 204 };
    },
    async runRetention() {
      return { status: 200, body: { deleted: await center.runRetention() } };
    },
    ...policyAndBillingHandlers(center),
    ...actionHandlers(center),
    // The running backend knows its connector's URL and whether it holds the mirror lock.
    async connectorStatus() {
      return { status: 200, body: await center.connectorStatus() };
    },
  };
}

function policyAndBillingHandlers(center: SupportCenter): Handlers<PolicyAndBilling> {
  return {
    // The import's row errors answer 400 with every one of them listed, not only the first.
    async importBilling({ caller, body }) {
      try {
        return { status: 200, body: await center.importBilling(actorOf(caller), body) };
      } catch (error) {
        if (!(error instanceof BillingImportRejected)) throw error;
        return { status: 400, body: { error: { code: 'bad-request', message: error.message, rows: error.rows } } };
      }
    },
    async showPolicy() {
      return { status: 200, body: await center.showPolicies() };
    },
    async replacePolicy({ caller, body }) {
      return { status: 200, body: await center.replacePolicy(actorOf(caller), body) };
    },
    async recomputePolicy({ caller }) {
      return { status: 200, body: await center.recomputeOpenTickets(actorOf(caller)) };
    },
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
