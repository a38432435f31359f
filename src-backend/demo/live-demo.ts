import type { FileTicket } from '@shared/contract';
import type { Logger } from '@shared/json-log';
import type { SupportCenter } from '../support-center';
import { DEFAULT_DEMO_SEED } from './build-demo-data';
import { discoverDemoWorkspace } from './discover-demo-workspace';
import { LATER_EXCHANGES, LOGIN_DETAIL_LABELS, LOGIN_USERNAMES, NUDGES } from './demo-phrases';
import { latestRelease, otherProduct } from './demo-products';
import { fillTemplate } from './demo-topic';
import { DEMO_TOPIC_WEIGHTS, DEMO_TOPICS } from './demo-topics';
import type { DemoAccount } from './list-demo-accounts';
import { seededRandom, type SeededRandom } from './seeded-random';
import { productFor, requesterFor, TICKET_SOURCE_WEIGHTS, TICKET_SOURCES, versionFor } from './ticket-origin';
import { customerOpening } from './ticket-texts';

export { listDemoAccounts, type DemoAccount } from './list-demo-accounts';

/** The demo reports what its customers did, and what failed. */
export type LiveDemoLogger = Pick<Logger, 'info' | 'warn'>;

export interface LiveDemoOptions {
  /** Mean pause between two customer actions (each pause is 0.5 to 1.5 times this); default 20 s. */
  intervalMs?: number;
  seed?: number;
  /** The customers to act for (e.g. from listDemoAccounts); by default read from the center's first-sync pages. */
  accounts?: readonly DemoAccount[];
  /** Restricts the customers to these account ids. */
  accountIds?: readonly string[];
  logger?: LiveDemoLogger;
}

export interface LiveDemo {
  /** Stops scheduling; resolves once an action under way has finished. */
  stop(): Promise<void>;
}

const DEFAULT_INTERVAL_MS = 20_000;
/** Tickets the demo keeps writing to; older ones are forgotten. */
const MAX_TRACKED_TICKETS = 200;

/**
 * Keeps a demo workspace moving: now and then a customer files a realistic ticket through the
 * portal operations (sometimes urgent), writes again on an open ticket, or sends login details.
 * Every action goes through `center`, so change events, due instants and retention behave as for
 * real customers. Failures are logged and the demo carries on.
 */
export function startLiveDemo(center: SupportCenter, options: LiveDemoOptions = {}): LiveDemo {
  const random = seededRandom(options.seed ?? DEFAULT_DEMO_SEED + 1);
  const intervalMs = Math.max(50, options.intervalMs ?? DEFAULT_INTERVAL_MS);
  const logger = options.logger;
  let accounts: DemoAccount[] | null = options.accounts === undefined ? null : [...options.accounts];
  let openTickets: string[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const act = async (): Promise<void> => {
    if (accounts === null) {
      const found = await discoverDemoWorkspace(center);
      accounts = found.accounts;
      openTickets = found.openTicketIds.slice(-MAX_TRACKED_TICKETS);
    }
    const wanted = options.accountIds === undefined ? null : new Set(options.accountIds);
    const customers = wanted === null ? accounts : accounts.filter((a) => wanted.has(a.id));
    if (customers.length === 0) {
      logger?.warn('live demo: no active customer accounts to act for');
      return;
    }
    const roll = random.next();
    if (roll < 0.3 && openTickets.length > 0) await writeAgain(center, random, openTickets, logger);
    else if (roll < 0.36 && openTickets.length > 0) await sendLoginDetails(center, random, openTickets, logger);
    else {
      const id = await fileTicket(center, random, random.pick(customers), logger);
      if (id !== null) openTickets = [...openTickets, id].slice(-MAX_TRACKED_TICKETS);
    }
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = act()
        .catch((error: unknown) => logger?.warn('live demo: action failed', { error: errorText(error) }))
        .finally(schedule);
    }, Math.round(intervalMs * (0.5 + random.next())));
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

async function fileTicket(center: SupportCenter, random: SeededRandom, account: DemoAccount, logger?: LiveDemoLogger): Promise<string | null> {
  const topic = random.weighted(DEMO_TOPICS, DEMO_TOPIC_WEIGHTS);
  const urgent = random.chance(0.1);
  const product = productFor(topic, random);
  const version = versionFor(product, topic, random);
  const domain = account.holderEmail.split('@')[1] ?? 'customer.example';
  const requester = requesterFor(account, domain, random);
  const values = {
    product: product?.name ?? 'the product',
    version: version ?? 'our current version',
    latest: product === null ? 'the latest version' : latestRelease(product),
    other: otherProduct(product).name,
    customer: requester.name.split(' ')[0] ?? requester.name,
  };
  const { subject, body } = customerOpening(topic, random.pick(topic.variants), urgent, (t) => fillTemplate(t, values), random);
  const input: FileTicket = {
    accountId: account.id,
    requesterName: requester.name,
    requesterEmail: requester.email,
    subject,
    body,
    urgent,
    source: topic.source ?? random.weighted(TICKET_SOURCES, TICKET_SOURCE_WEIGHTS),
    productId: product?.id ?? null,
    productVersion: version,
  };
  const ticket = await center.fileTicket(input);
  logger?.info('live demo: ticket filed', { id: ticket.id, accountId: account.id, urgent, dueAt: ticket.dueAt });
  return ticket.id;
}

async function writeAgain(center: SupportCenter, random: SeededRandom, openTickets: string[], logger?: LiveDemoLogger): Promise<void> {
  const ticketId = random.pick(openTickets);
  const body = random.chance(0.5) ? random.pick(NUDGES) : random.pick(LATER_EXCHANGES).customer;
  try {
    await center.addCustomerMessage(ticketId, body);
    logger?.info('live demo: customer wrote again', { ticketId });
  } catch (error) {
    // The ticket may be gone (termination) or closed for good: stop writing to it.
    openTickets.splice(openTickets.indexOf(ticketId), 1);
    throw error;
  }
}

async function sendLoginDetails(center: SupportCenter, random: SeededRandom, openTickets: string[], logger?: LiveDemoLogger): Promise<void> {
  const ticketId = random.pick(openTickets);
  const password = Array.from({ length: 14 }, () => random.pick([...'abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'])).join('');
  const secret = `user: ${random.pick(LOGIN_USERNAMES)}\npassword: ${password}`;
  const detail = await center.submitLoginDetail(ticketId, { label: random.pick(LOGIN_DETAIL_LABELS), secret });
  logger?.info('live demo: login details submitted', { ticketId, id: detail.id, expiresAt: detail.expiresAt });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
