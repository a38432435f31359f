import type { AdminActionInput, AdminActionName, AdminActionOutput } from './admin/admin-actions';
import type {
  ConnectorSummary,
  ExchangedSession,
  FileTicket,
  MutationBatch,
  MutationBatchResponse,
  RevealedLoginDetail,
  SyncPage,
  SyncQuery,
  LoginDetailRow,
  MessageRow,
  TicketRow,
} from '@shared/contract';

/**
 * Who is calling: an engineer with a token, or the vendor's admin side (portal, billing, the team
 * lead). An admin caller names its token, so that the audit log says which admin token acted.
 */
export type Caller = { role: 'engineer'; engineerId: string } | { role: 'admin'; tokenId: string };

/**
 * A failure the HTTP layer turns into a 4xx with a JSON body: what was wrong, and the field when
 * one is to blame. Anything else thrown is a bug and answers 500 without details.
 */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 503,
    readonly code: 'bad-request' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'payload-too-large' | 'unsupported-media-type' | 'unavailable',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * The support center's operations, independent of HTTP. Every method validates nothing about
 * transport: the HTTP layer parses bodies and queries with the contract's schemas first, and passes
 * parsed values. Each method runs in one database transaction.
 */
export interface SupportCenter {
  /** Resolves a bearer token, or null when it is unknown. */
  authenticate(token: string): Promise<Caller | null>;
  /** The workspace's stable random id (migration 004), the same on every instance of one database. */
  workspaceId(): Promise<string>;

  /** A page of changes after `cursor` (see docs/api.md). Throws RequestError 400 for a bad cursor. */
  sync(caller: Caller, query: SyncQuery): Promise<SyncPage>;
  /** The same page as JSON text, written by the database: what `GET /v1/sync` sends. */
  syncJson(caller: Caller, query: SyncQuery): Promise<string>;
  /**
   * Callers of one scope are served the same page for the same query, so one read may answer them
   * all. Every engineer of a workspace syncs the whole workspace (the queue shows every ticket),
   * so today there is one scope; a center that filters per engineer returns the engineer's id.
   */
  syncScope(caller: Caller): string;
  /** The newest cursor position, for change events. */
  latestCursor(): Promise<string>;
  /** Calls `listener` after every committed write; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;

  applyMutations(caller: Caller & { role: 'engineer' }, batch: MutationBatch): Promise<MutationBatchResponse>;

  /**
   * Reveals a login detail's plaintext to the ticket's assignee. Every attempt is audited: 403 for
   * another engineer or an admin token, 404 if unknown or gone.
   */
  revealLoginDetail(caller: Caller, id: string): Promise<RevealedLoginDetail>;

  // The customer and vendor side (admin token).
  fileTicket(input: FileTicket, now?: Date): Promise<TicketRow>;
  addCustomerMessage(ticketId: string, body: string, now?: Date): Promise<MessageRow>;
  submitLoginDetail(ticketId: string, input: { label: string; secret: string }, now?: Date): Promise<LoginDetailRow>;
  /** The customer's purge: the row is deleted for real and the deletion syncs. */
  purgeLoginDetail(id: string): Promise<void>;
  /** The timer's run: once per interval across all instances; null when another instance has it. */
  runScheduledRetention(now?: Date): Promise<number | null>;
  /**
   * Runs an administrative action (every `/v1/admin` endpoint: accounts, retention, billing,
   * policies, engineers, tokens, sign-in codes, audit), audited as `actor`; `now` stands in for the clock.
   */
  runAdminAction<N extends AdminActionName>(name: N, actor: string, input: AdminActionInput<N>, now?: Date): Promise<AdminActionOutput<N>>;
  /** The configured connector's line in `/v1/health`; null without one. */
  connectorSummary(): Promise<ConnectorSummary | null>;
  /** Swaps a one-time sign-in code for a new engineer token. */
  exchangeSignInCode(code: string): Promise<ExchangedSession>;
  /** Null when this instance can serve: database reachable and migrated; otherwise why not. */
  checkReady(): Promise<string | null>;

  close(): Promise<void>;
}
