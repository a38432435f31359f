import type { z } from 'zod';
import type { Endpoints, EndpointSpec } from '@shared/contract/endpoints';
import type { Database, Queryable } from '../db/database';
import { retryTransaction } from '../db/retry-transaction';
import { notifyChanges } from '../db/notifying-write';
import { readConnectorStatus } from '../connectors/connector-status';
import { listAudit } from './audit';
import { addEngineer, listEngineers, setEngineerDisabled } from './engineers';
import { issueSignInCode } from './sign-in-codes';
import { issueTokenAction, listTokens, revokeToken } from './tokens';

/** The administrative endpoints, each one action run the same way over HTTP and by the admin command. */
export type AdminActionName = 'listEngineers' | 'addEngineer' | 'disableEngineer' | 'enableEngineer' | 'listTokens' | 'issueToken' | 'revokeToken' | 'issueSignInCode' | 'listAudit' | 'connectorStatus';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type SuccessBody<R> = { [S in keyof R]: S extends 200 | 201 ? (R[S] extends z.ZodType ? z.input<R[S]> : never) : never }[keyof R];

interface InputOf<E extends EndpointSpec> {
  params: Parsed<E['params']>;
  query: Parsed<E['query']>;
  body: Parsed<E['body']>;
}
/** What an action reads: its endpoint's path parameters, query and body, parsed. */
export type AdminActionInput<N extends AdminActionName> = InputOf<Endpoints[N]>;
export type AdminActionOutput<N extends AdminActionName> = SuccessBody<Endpoints[N]['responses']>;

type Action<N extends AdminActionName> = (tx: Queryable, actor: string, input: AdminActionInput<N>, now: Date) => Promise<AdminActionOutput<N>>;

/** One implementation of each action; every one that changes something writes the audit log in its transaction. */
const adminActions: { [N in AdminActionName]: Action<N> } = {
  listEngineers: async (tx) => ({ engineers: await listEngineers(tx) }),
  addEngineer: (tx, actor, { body }) => addEngineer(tx, actor, body),
  disableEngineer: (tx, actor, { params }) => setEngineerDisabled(tx, actor, params.id, true),
  enableEngineer: (tx, actor, { params }) => setEngineerDisabled(tx, actor, params.id, false),
  listTokens: async (tx, _actor, _input, now) => ({ tokens: await listTokens(tx, now) }),
  issueToken: (tx, actor, { body }, now) => issueTokenAction(tx, actor, body, now),
  revokeToken: (tx, actor, { params }, now) => revokeToken(tx, actor, params.id, now),
  issueSignInCode: (tx, actor, { body }, now) => issueSignInCode(tx, actor, body, now),
  listAudit: async (tx, _actor, { query }) => ({ entries: await listAudit(tx, query) }),
  // What the database holds; the running backend's endpoint adds its connector's URL and mirror lock.
  connectorStatus: (tx, _actor, _input, now) => readConnectorStatus(tx, now, null),
};

export const adminActionNames = Object.keys(adminActions) as AdminActionName[];

/** Actions that change synced rows (a new engineer's name reaches every app). */
const SYNCED: ReadonlySet<AdminActionName> = new Set(['addEngineer']);

/** Runs an action in one transaction, retried if PostgreSQL picks it as a deadlock victim. */
export function runAdminAction<N extends AdminActionName>(db: Database, name: N, actor: string, input: AdminActionInput<N>, now: Date): Promise<AdminActionOutput<N>> {
  return retryTransaction(db, async (tx) => {
    const output = await (adminActions[name] as Action<N>)(tx, actor, input, now);
    if (SYNCED.has(name)) await notifyChanges(tx);
    return output;
  });
}
