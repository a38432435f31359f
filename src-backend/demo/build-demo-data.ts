import type { CreditRow, MessageRow, TicketRow } from '@shared/contract';
import { firstPolicyVersion, presets } from '@shared/policy';
import type { DemoDataset, DemoLoginDetail, DemoWorkspaceRows } from './demo-dataset';
import { ENGINEERS } from './demo-names';
import { DEMO_PRODUCTS, latestRelease } from './demo-products';
import { generateAccounts, MIN_DEMO_ACCOUNTS } from './generate-accounts';
import { generateLoginDetails } from './generate-login-details';
import { generateTicket } from './generate-tickets';
import { seededRandom } from './seeded-random';
import { planTicketSlots } from './ticket-slots';

export const DEFAULT_DEMO_SEED = 2026;

const DAY = 86_400_000;
/** Ticket history reaches back about 18 months. */
const HISTORY_DAYS = 548;
const TICKETS_PER_ACCOUNT = 20;
/** Login details are sent with tickets of the last weeks only (retention is at most 30 days). */
const LOGIN_DETAIL_HORIZON_MS = 45 * DAY;

export interface DemoDataOptions {
  tickets: number;
  now: Date;
  seed?: number;
}

export interface DemoTicketChunk {
  tickets: TicketRow[];
  /** The topic of each ticket, parallel to `tickets`. */
  ticketTopics: string[];
  messages: MessageRow[];
  credits: CreditRow[];
}

export interface DemoDataStream {
  workspace: DemoWorkspaceRows;
  /** Tickets oldest first, `chunkSize` at a time, with their messages and credits; once only. */
  ticketChunks(chunkSize?: number): Generator<DemoTicketChunk>;
  /** The login details, once every ticket chunk has been read. */
  loginDetails(): DemoLoginDetail[];
}

/**
 * The demo data, computed without touching a database: the same `tickets`, `now` and `seed`
 * always give the same rows. Every policy-derived value (plans, due instants, SLA outcomes,
 * credits, eligibility, retention) comes from the policy engine, as the service would compute it.
 * Tickets come in chunks so that a large data set never has to be held in memory at once.
 */
export function streamDemoData(options: DemoDataOptions): DemoDataStream {
  if (!Number.isSafeInteger(options.tickets) || options.tickets < 1) throw new Error(`tickets must be a positive whole number (got ${options.tickets})`);
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('now must be a valid date');
  const root = seededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const accountsRandom = root.fork();
  const slotsRandom = root.fork();
  const ticketsRandom = root.fork();
  const loginRandom = root.fork();

  const planSla = presets.planSla();
  const subscriptionScope = presets.subscriptionScope();
  const historyStartMs = nowMs - HISTORY_DAYS * DAY;
  const accountCount = Math.max(MIN_DEMO_ACCOUNTS, Math.round(options.tickets / TICKETS_PER_ACCOUNT));
  const { profiles, terminated } = generateAccounts({ count: accountCount, nowMs, historyStartMs, random: accountsRandom, planSla, subscriptionScope });
  const slots = planTicketSlots({ count: options.tickets, nowMs, historyStartMs, profiles, random: slotsRandom });
  const engineers = ENGINEERS.map((e) => ({ ...e }));
  const workspace: DemoWorkspaceRows = {
    policies: [
      { id: planSla.id, policy: planSla, versions: [firstPolicyVersion(planSla)] },
      { id: subscriptionScope.id, policy: subscriptionScope, versions: [firstPolicyVersion(subscriptionScope)] },
    ],
    engineers,
    products: DEMO_PRODUCTS.map((p) => ({ id: p.id, name: p.name, latestStableVersion: latestRelease(p), discontinued: p.discontinued })),
    accounts: profiles.map((p) => p.account),
    subscriptions: profiles.map((p) => p.subscription),
    terminatedAccount: terminated,
  };

  const idWidth = Math.max(6, String(options.tickets).length);
  const recent: TicketRow[] = [];
  let generated = 0;
  return {
    workspace,
    *ticketChunks(chunkSize = 5_000) {
      if (generated > 0) throw new Error('the ticket chunks of a demo data stream can be read once only');
      while (generated < slots.length) {
        const chunk: DemoTicketChunk = { tickets: [], ticketTopics: [], messages: [], credits: [] };
        for (const slot of slots.slice(generated, generated + chunkSize)) {
          const ticket = generateTicket({ nowMs, random: ticketsRandom, engineers, idWidth }, slot, generated++);
          chunk.tickets.push(ticket.ticket);
          chunk.ticketTopics.push(ticket.topicId);
          for (const message of ticket.messages) chunk.messages.push(message);
          if (ticket.credit !== null) chunk.credits.push(ticket.credit);
          if (slot.createdMs > nowMs - LOGIN_DETAIL_HORIZON_MS) recent.push(ticket.ticket);
        }
        yield chunk;
      }
    },
    loginDetails() {
      if (generated < slots.length) throw new Error('read every ticket chunk before the login details');
      return generateLoginDetails({ tickets: recent, nowMs, policyOf: (t) => (t.policyId === planSla.id ? planSla : subscriptionScope), random: loginRandom });
    },
  };
}

/** The whole demo data set at once (tests, small workspaces). */
export function buildDemoData(options: DemoDataOptions): DemoDataset {
  const stream = streamDemoData(options);
  const dataset: DemoDataset = { ...stream.workspace, tickets: [], ticketTopics: [], messages: [], credits: [], loginDetails: [] };
  for (const chunk of stream.ticketChunks()) {
    for (const ticket of chunk.tickets) dataset.tickets.push(ticket);
    for (const topic of chunk.ticketTopics) dataset.ticketTopics.push(topic);
    for (const message of chunk.messages) dataset.messages.push(message);
    for (const credit of chunk.credits) dataset.credits.push(credit);
  }
  dataset.loginDetails = stream.loginDetails();
  return dataset;
}
