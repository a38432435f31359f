import type { z } from 'zod';
import type { adminEndpoints } from '@shared/contract/endpoints/admin';
import type { Endpoints, EndpointSpec } from '@shared/contract/endpoints';
import type { Database, Queryable } from '../db/database';
import { notifyingWrite } from '../db/notifying-write';
import { importChangedAnything } from '../billing/import-billing';
import type { PolicyCache } from '../domain/policy-cache';
import { readConnectorStatus, type ConfiguredHelpdesk } from '../connectors/connector-status';
import { listAudit } from './audit';
import { addEngineer, listEngineers, setEngineerDisabled } from './engineers';
import { policyActions } from './policy-actions';
import { accountActions } from './account-actions';
import { issueSignInCode } from './sign-in-codes';
import { issueTokenAction, listTokens, revokeToken } from './tokens';

/** Every `/v1/admin` endpoint is one action, run the same way over HTTP and by the admin command. */
export type AdminActionName = keyof typeof adminEndpoints;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type SuccessBody<R> = { [S in keyof R]: S extends 200 | 201 | 204 ? (R[S] extends z.ZodType ? z.input<R[S]> : undefined) : never }[keyof R];

interface InputOf<E extends EndpointSpec> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
}
/** What an action reads: its endpoint's path parameters, query and body, parsed. */
export type AdminActionInput<N extends AdminActionName> = InputOf<Endpoints[N]>;
export type AdminActionOutput<N extends AdminActionName> = SuccessBody<Endpoints[N]['responses']>;

/** What an action needs besides the transaction: who acts (for the audit log), the clock, the policies. */
export interface ActionContext {
  actor: string;
  /** Read after the action's locks are taken where that matters (policy versions). */
  clock: () => Date;
  policies: PolicyCache;
  /** The connector the running backend has (its URL, its mirror lease); null for a local admin command. */
  helpdesk: ConfiguredHelpdesk | null;
}

export type Action<N extends AdminActionName> = (tx: Queryable, ctx: ActionContext, input: AdminActionInput<N>) => Promise<AdminActionOutput<N>>;
export type Actions<N extends AdminActionName> = { [K in N]: Action<K> };

/** One implementation of each action; every one that changes something writes the audit log in its transaction. */
const adminActions: Actions<AdminActionName> = {
  ...accountActions,
  ...policyActions,
  listEngineers: async (tx) => ({ engineers: await listEngineers(tx) }),
  addEngineer: (tx, { actor }, { body }) => addEngineer(tx, actor, body),
  disableEngineer: (tx, { actor }, { params }) => setEngineerDisabled(tx, actor, params.id, true),
  enableEngineer: (tx, { actor }, { params }) => setEngineerDisabled(tx, actor, params.id, false),
  listTokens: async (tx, { clock }) => ({ tokens: await listTokens(tx, clock()) }),
  issueToken: (tx, { actor, clock }, { body }) => issueTokenAction(tx, actor, body, clock()),
  revokeToken: (tx, { actor, clock }, { params }) => revokeToken(tx, actor, params.id, clock()),
  issueSignInCode: (tx, { actor, clock }, { body }) => issueSignInCode(tx, actor, body, clock()),
  listAudit: async (tx, _ctx, { query }) => ({ entries: await listAudit(tx, query) }),
  connectorStatus: (tx, { clock, helpdesk }) => readConnectorStatus(tx, clock(), helpdesk),
};

/**
 * The actions that change synced rows, and whether a given answer says they did: every instance
 * is then told at commit (a new engineer's name, a terminated account, imported subscriptions).
 */
const changedSyncedRows: { [N in AdminActionName]?: (output: AdminActionOutput<N>) => boolean } = {
  addEngineer: () => true,
  terminateAccount: () => true,
  runRetention: (output) => output.deleted > 0,
  importBilling: importChangedAnything,
  replacePolicy: () => true,
  recomputePolicy: (output) => output.examined > 0,
};

/** Runs an action in one transaction, retried if PostgreSQL picks it as a deadlock victim. */
export function runAdminAction<N extends AdminActionName>(
  db: Database,
  name: N,
  input: AdminActionInput<N>,
  ctx: ActionContext,
  onRetry?: (code: string, attempt: number) => void,
): Promise<AdminActionOutput<N>> {
  const changed = (changedSyncedRows[name] ?? (() => false)) as (output: AdminActionOutput<N>) => boolean;
  return notifyingWrite(db, (tx) => (adminActions[name] as Action<N>)(tx, ctx, input), changed, onRetry);
}
