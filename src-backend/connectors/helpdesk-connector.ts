import type { TicketStatus } from '@shared/contract';
import type { Result } from '@shared/ipc/result';

/**
 * The seam between the support center and a helpdesk. A connector reads what changed in the
 * helpdesk since a high-water mark (the mirror turns it into tickets, accounts and messages) and
 * applies engineers' actions to the helpdesk (the write-back records which helpdesk transaction
 * each produced). Everything else (sync, the policy engine, the desktop app) sees only the
 * support center. Errors are values; a connector never throws for what the helpdesk answered.
 */
export interface HelpdeskConnector {
  /** Names the connector in stored state and logs: `request-tracker`. */
  readonly kind: string;
  /** Checks the credentials and every name the mapping uses against the helpdesk. */
  verify(): Promise<Result<MappingDescription>>;
  /**
   * Tickets changed at or after `mark.updatedAt` (all of them when null), oldest change first,
   * each with its whole history. Instants may have one-second resolution, so the mirror asks from
   * its mark again and skips entries it has seen; pages follow `next` until it is null.
   */
  changesSince(mark: HighWaterMark, page: string | null): Promise<Result<ChangePage>>;
  /**
   * One engineer action, applied once per idempotency key (see `findApplied`). `after` is the
   * ticket's newest helpdesk transaction known before the call: the transaction the action made
   * is looked for after it (a field change answers no transaction id of its own).
   */
  applyAction(action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction>>;
  /**
   * After a crash or a timeout the helpdesk may have applied an action whose outcome was never
   * recorded: looks at the ticket's transactions after `after` for one that is this action.
   */
  findApplied(action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction | null>>;
  /** The mapping in words, for operations and the docs. */
  describeMapping(): MappingDescription;
}

export interface HighWaterMark {
  /** The helpdesk's last-updated instant (ISO) of the newest ticket mirrored whole. */
  updatedAt: string | null;
  /**
   * That ticket's id, when every ticket updated at the same instant with a lower id was mirrored
   * too: a helpdesk that orders ties by id may continue after it instead of re-reading the instant.
   * Null or absent: start at `updatedAt` itself.
   */
  externalId?: string | null;
}

export interface ChangePage {
  tickets: HelpdeskTicket[];
  /** Where the next page starts; null on the last page. */
  next: string | null;
}

export interface HelpdeskPerson {
  externalId: string;
  email: string | null;
  name: string;
  /** Staff (an RT privileged user) write as the vendor; everyone else is a customer. */
  staff: boolean;
  organization: string | null;
}

export interface HelpdeskTicket {
  externalId: string;
  /** Set when the helpdesk merged this ticket into another: the mirror drops this one. */
  mergedInto: string | null;
  /** The helpdesk deleted it: it leaves every desktop. */
  deleted: boolean;
  subject: string;
  status: TicketStatus;
  /** The workspace policy its queue maps to. */
  policyId: string;
  /** A plan named by the helpdesk (a custom field); null: the requester account's subscription decides. */
  plan: string | null;
  urgent: boolean;
  requester: HelpdeskPerson;
  owner: HelpdeskPerson | null;
  createdAt: string;
  updatedAt: string;
  entries: HelpdeskEntry[];
}

/** One transaction of a ticket's history that the support center keeps. */
export type HelpdeskEntry =
  | { externalId: string; at: string; author: HelpdeskPerson; kind: 'message'; public: boolean; body: string }
  | { externalId: string; at: string; author: HelpdeskPerson; kind: 'status'; status: TicketStatus }
  | { externalId: string; at: string; author: HelpdeskPerson; kind: 'owner'; owner: HelpdeskPerson | null };

/** An engineer's action as the helpdesk sees it. */
export type HelpdeskAction = { ticketExternalId: string; idempotencyKey: string; engineer: { email: string; name: string } } & (
  | { kind: 'claim' }
  | { kind: 'unclaim' }
  | { kind: 'reply'; body: string }
  | { kind: 'note'; body: string }
  | { kind: 'status'; status: TicketStatus }
);

export interface AppliedAction {
  /** The helpdesk transaction the action produced; null when there was nothing to change. */
  externalId: string | null;
}

export interface MappingDescription {
  helpdesk: string;
  lines: string[];
}
