import type {
  AccountRow,
  CreditRow,
  EngineerRow,
  LoginDetailRow,
  MessageRow,
  PolicyRow,
  ProductRow,
  SubscriptionRow,
  TicketRow,
} from '@shared/contract';
import type { PlanId, SupportPolicy } from '@shared/policy';

/** A login detail as generated: the plaintext is sealed only when it is written to the database. */
export interface DemoLoginDetail extends LoginDetailRow {
  secret: string;
}

/** What the generator decided about an account, beyond its row. */
export type AccountCase =
  | 'a-silver'
  | 'a-gold'
  | 'a-platinum'
  | 'a-free-term'
  | 'a-free-term-abuse'
  | 'a-upgrade'
  | 'a-downgrade'
  | 'a-pending-downgrade'
  | 'a-cancel-pending'
  | 'a-cancelled'
  | 'b-renewed'
  | 'b-lapsed'
  | 'b-expired'
  | 'b-new';

export interface DemoAccountProfile {
  account: AccountRow;
  subscription: SubscriptionRow;
  policy: SupportPolicy;
  case: AccountCase;
  /** Mail domain of the holder, for colleagues who write in on the holder's plan. */
  domain: string;
  anchorMs: number;
  /** When the plan ends for good (a past cancellation), else null. */
  endedMs: number | null;
  /** How often this customer writes, relative to others. */
  weight: number;
  /** planAt of the subscription, for an instant in epoch ms. */
  planAtMs: (atMs: number) => PlanId | null;
}

/** Everything but the tickets: small, known up front. */
export interface DemoWorkspaceRows {
  policies: PolicyRow[];
  engineers: EngineerRow[];
  products: ProductRow[];
  accounts: AccountRow[];
  subscriptions: SubscriptionRow[];
  /** The account terminated by the vendor: its row stays, its history is gone. */
  terminatedAccount: AccountRow;
}

/**
 * The whole demo data set in contract shapes (camelCase, ISO UTC instants), before it is written.
 * Rows carry no versions: versions are change sequence numbers, given out when inserting.
 */
export interface DemoDataset extends DemoWorkspaceRows {
  tickets: TicketRow[];
  /** The topic of each ticket, parallel to `tickets` (for checks and tests; not stored). */
  ticketTopics: string[];
  messages: MessageRow[];
  loginDetails: DemoLoginDetail[];
  credits: CreditRow[];
}
