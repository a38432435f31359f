import type { Queryable } from '../../db/database';

/** One administrative action, as the audit log records it (in the transaction of the action). */
export interface AdminAction {
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** Writes an audit entry in `tx`; the policy actions call it once each, after their changes. */
export type RecordAdminAction = (tx: Queryable, action: AdminAction) => Promise<void>;

/** What the policy actions need besides the database: the clock, who acts, and the audit. */
export interface AdminContext {
  /** Read after the action's locks are taken, so that "now" is not earlier than any write it waited for. */
  clock: () => Date;
  actor: string;
  recordAdminAction: RecordAdminAction;
}
