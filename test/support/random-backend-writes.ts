import type { Mutation, SubscriptionRow } from '@shared/contract';
import { ticketSources } from '@shared/policy/eligibility/checklist-items';
import { presets } from '@shared/policy';
import type { Database } from '../../src-backend/db/database';
import { createAccount, createSubscription } from '../../src-backend/domain/workspace-setup';
import { RequestError, type SupportCenter } from '../../src-backend/support-center';
import type { Prng } from './seeded-prng';
import { idInput, noInput } from '../fixtures/admin-input';

/**
 * Moves a workspace the way customers, the vendor and other engineers would, through the support
 * center's own operations: tickets filed, customers writing back, engineers' actions, login
 * details submitted and purged, expiry, and now and then an account terminated (with a new one
 * signed up, so terminations never run out of accounts). Rows are picked by the PRNG from lists
 * read in id order, so a seed replays the same writes.
 */

const WRITE_WEIGHTS = {
  'file-ticket': 4,
  'customer-message': 4,
  'engineer-actions': 5,
  'submit-login-detail': 2,
  'purge-login-detail': 1.5,
  'new-account': 0.4,
  terminate: 0.6,
  retention: 0.15,
} as const;
export type WriteKind = keyof typeof WRITE_WEIGHTS;

const ENGINEERS = ['eng-ana', 'eng-ben'] as const;
const STATUSES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
const CHECKLIST_ITEMS = ['code-not-customized', 'data-not-modified', 'addons-purchased', 'not-from-forum'] as const;
const CATEGORY_IDS = [...presets.subscriptionScope().scope.categories.map((c) => c.id), 'not-a-category'];

/** A subscription row for a new account: Gold or Platinum under the plan-based SLA, or Silver scoped. */
export function subscriptionFor(id: string, accountId: string, kind: 'gold' | 'platinum' | 'scope'): SubscriptionRow {
  const base = {
    id, accountId, anchor: '2026-01-15T14:00:00.000Z', timeZone: 'America/New_York', changes: [], pendingDowngrade: null,
    cancelRequestedAt: null, cancelAt: null, freeTerm: null, entitlementEvents: [], entitlementWindows: [],
  };
  if (kind === 'scope') {
    return {
      ...base, policyId: 'subscription-scope', initialPlan: 'silver', plan: 'silver', monthlyPriceCents: 4_900,
      entitlementEvents: [{ kind: 'purchase', at: '2026-01-15T14:00:00.000Z' }],
      entitlementWindows: [{ start: '2026-01-15T14:00:00.000Z', end: '2027-01-15T14:00:00.000Z' }],
    };
  }
  return { ...base, policyId: 'plan-sla', initialPlan: kind, plan: kind, monthlyPriceCents: kind === 'gold' ? 14_900 : 39_900 };
}

export class RandomBackendWriter {
  private accounts = 0;
  private keys = 0;
  readonly done: Partial<Record<WriteKind, number>> = {};

  constructor(
    private readonly db: Database,
    private readonly center: SupportCenter,
    /** Makes ids and idempotency keys unique across writers and runs. */
    private readonly tag: string,
  ) {}

  /** Signs up an account (with a subscription, mostly) through workspace setup. */
  async addAccount(rng: Prng): Promise<string> {
    const n = ++this.accounts;
    const id = `acc-${this.tag}-${n}`;
    const kind = rng.pick(['gold', 'platinum', 'scope', 'none'] as const);
    await this.db.transaction(async (tx) => {
      await createAccount(tx, { id, holderName: `Holder ${n}`, holderEmail: `holder${n}@${this.tag}.test`, organization: rng.chance(0.5) ? `Org ${n}` : null });
      if (kind !== 'none') await createSubscription(tx, subscriptionFor(`sub-${this.tag}-${n}`, id, kind));
    });
    return id;
  }

  /** One random write; refusals the backend is entitled to (a closed ticket, an unknown category) are part of the game. */
  async write(rng: Prng): Promise<WriteKind> {
    const kind = rng.weighted(WRITE_WEIGHTS);
    try {
      await this.perform(kind, rng);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
    }
    this.done[kind] = (this.done[kind] ?? 0) + 1;
    return kind;
  }

  private async ids(sql: string): Promise<string[]> {
    return (await this.db.query<{ id: string }>(sql)).rows.map((row) => row.id);
  }

  private async perform(kind: WriteKind, rng: Prng): Promise<void> {
    const active = await this.ids("SELECT id FROM accounts WHERE status = 'active' ORDER BY id");
    const tickets = await this.ids('SELECT id FROM tickets ORDER BY id');
    if (tickets.length === 0 && kind !== 'new-account' && kind !== 'terminate') kind = 'file-ticket';
    switch (kind) {
      case 'file-ticket': {
        const n = ++this.keys;
        await this.center.fileTicket({
          accountId: rng.pick(active),
          requesterName: `Customer ${n}`,
          requesterEmail: `customer${n}@example.test`,
          subject: `Question ${this.tag}-${n}`,
          body: `Something is wrong (${this.tag}-${n}).`,
          urgent: rng.chance(0.2),
          source: rng.pick(ticketSources),
          productId: rng.chance(0.5) ? 'prod-shop' : null,
          productVersion: rng.chance(0.5) ? rng.pick(['4.2.0', '3.9.1']) : null,
        });
        return;
      }
      case 'customer-message':
        await this.center.addCustomerMessage(rng.pick(tickets), `More details (${this.tag}-${++this.keys}).`);
        return;
      case 'engineer-actions': {
        const engineerId = rng.pick(ENGINEERS);
        const mutations = Array.from({ length: rng.int(1, 4) }, () => this.randomMutation(rng, rng.pick(tickets)));
        await this.center.applyMutations({ role: 'engineer', engineerId }, { mutations });
        return;
      }
      case 'submit-login-detail':
        await this.center.submitLoginDetail(rng.pick(tickets), { label: `Admin login ${++this.keys}`, secret: `s3cret-${this.keys}` });
        return;
      case 'purge-login-detail': {
        const details = await this.ids('SELECT id FROM login_details ORDER BY id');
        if (details.length > 0) await this.center.purgeLoginDetail(rng.pick(details));
        return;
      }
      case 'new-account':
        await this.addAccount(rng);
        return;
      case 'terminate':
        if (active.length <= 4) await this.addAccount(rng);
        await this.center.runAdminAction('terminateAccount', 'admin-token:test', idInput(rng.pick(active)));
        return;
      case 'retention':
        // Thirty-one days on: every login detail is past its limit.
        await this.center.runAdminAction('runRetention', 'admin-token:test', noInput, new Date(Date.now() + 31 * 86_400_000));
        return;
    }
  }

  /** An engineer action of any kind, with a key no one else uses. */
  randomMutation(rng: Prng, ticketId: string): Mutation {
    const idempotencyKey = `action-${this.tag}-${++this.keys}`;
    const kind = rng.weighted({ claim: 2, unclaim: 1, reply: 3, note: 2, 'checklist-answer': 2, category: 2, status: 2 });
    const body = `${kind} ${idempotencyKey}`;
    switch (kind) {
      case 'claim':
      case 'unclaim':
        return { kind, idempotencyKey, ticketId };
      case 'reply':
      case 'note':
        return { kind, idempotencyKey, ticketId, body };
      case 'checklist-answer':
        return { kind, idempotencyKey, ticketId, item: rng.pick(CHECKLIST_ITEMS), value: rng.pick([true, false, null]) };
      case 'category':
        return { kind, idempotencyKey, ticketId, categoryId: rng.chance(0.2) ? null : rng.pick(CATEGORY_IDS) };
      case 'status':
        return { kind, idempotencyKey, ticketId, status: rng.pick(STATUSES) };
    }
  }
}
