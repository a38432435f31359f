import type { CreditRow, EngineerRow, MessageRow, TicketRow } from '@shared/contract';
import {
  creditForTicket,
  firstResponseDue,
  formatInstant,
  type PlanId,
} from '@shared/policy';
import type { DemoAccountProfile } from './demo-dataset';
import { latestRelease, otherProduct } from './demo-products';
import { DEMO_TOPIC_WEIGHTS, DEMO_TOPICS } from './demo-topics';
import { conversationMessages } from './generate-conversation';
import type { SeededRandom } from './seeded-random';
import { productFor, requesterFor, TICKET_SOURCE_WEIGHTS, TICKET_SOURCES, versionFor } from './ticket-origin';
import { ticketChecklist } from './ticket-eligibility';
import type { TicketSlot } from './ticket-slots';
import { ticketTexts } from './ticket-texts';
import { ticketTimeline } from './ticket-timeline';

export interface TicketGeneration {
  nowMs: number;
  random: SeededRandom;
  engineers: readonly EngineerRow[];
  /** Digits of the ticket ids, so that ids sort like numbers. */
  idWidth: number;
}

export interface GeneratedTicket {
  ticket: TicketRow;
  messages: MessageRow[];
  credit: CreditRow | null;
  topicId: string;
}

const FIRST_FILED_NUMBER = 1001;

export function ticketId(index: number, width: number): string {
  return `t-${String(index + 1).padStart(width, '0')}`;
}

export function ticketNumber(index: number): number {
  return FIRST_FILED_NUMBER + index;
}

export function generateTicket(ctx: TicketGeneration, slot: TicketSlot, index: number): GeneratedTicket {
  const { random, nowMs } = ctx;
  const { account, subscription, policy } = slot.profile;
  const id = ticketId(index, ctx.idWidth);
  const createdAt = formatInstant(slot.createdMs);
  const plan = slot.profile.planAtMs(slot.createdMs);
  const topic = random.weighted(DEMO_TOPICS, DEMO_TOPIC_WEIGHTS);
  const urgent = slot.urgent ?? random.chance(0.08);
  const source = topic.source ?? random.weighted(TICKET_SOURCES, TICKET_SOURCE_WEIGHTS);
  const product = productFor(topic, random);
  const productVersion = versionFor(product, topic, random);
  const requester = requesterFor(account, slot.profile.domain, random);
  const assignee = random.pick(ctx.engineers);
  const noteAuthor = random.chance(0.6) ? assignee : random.pick(ctx.engineers);
  const dueAt = plan === null ? null : firstResponseDue(policy, { createdAt, plan, urgent });
  const timeline = ticketTimeline(
    { kind: slot.kind, createdMs: slot.createdMs, dueMs: dueAt === null ? null : Date.parse(dueAt), nowMs, urgent, maxRounds: topic.maxRounds ?? 3 },
    random,
  );
  const checklist = ticketChecklist({ policy, subscription, topic, status: timeline.status, createdAt, source, product, productVersion }, random);
  const texts = ticketTexts(
    timeline,
    {
      topic,
      policy,
      urgent,
      requesterName: requester.name,
      requesterEmail: requester.email,
      holderEmail: account.holderEmail,
      staffName: assignee.name,
      values: {
        product: product?.name ?? 'the product',
        version: productVersion ?? 'our current version',
        latest: product === null ? 'the latest version' : latestRelease(product),
        other: otherProduct(product).name,
      },
      failedChecks: checklist.eligibility?.failed ?? [],
    },
    random,
  );
  const messages = conversationMessages({ ticketId: id, accountId: account.id, createdMs: slot.createdMs, requesterName: requester.name, assignee, noteAuthor, timeline, texts });
  const firstStaffReplyAt = timeline.firstReplyMs === null ? null : formatInstant(timeline.firstReplyMs);
  const ticket: TicketRow = {
    id,
    number: ticketNumber(index),
    accountId: account.id,
    subscriptionId: subscription.id,
    policyId: policy.id,
    // The demo workspace's policies have one version each.
    policyVersion: 1,
    requesterName: requester.name,
    requesterEmail: requester.email,
    subject: texts.subject,
    createdAt,
    urgent,
    source,
    productId: product?.id ?? null,
    productVersion,
    status: timeline.status,
    assigneeId: timeline.status === 'new' ? null : assignee.id,
    plan,
    dueAt,
    firstStaffReplyAt,
    slaOutcome: slaOutcome(dueAt, firstStaffReplyAt, nowMs),
    ...checklist,
    updatedAt: (messages[messages.length - 1] as MessageRow).createdAt,
  };
  return { ticket, messages, credit: creditOf(ticket, slot.profile, nowMs), topicId: topic.id };
}

function slaOutcome(dueAt: string | null, repliedAt: string | null, nowMs: number): TicketRow['slaOutcome'] {
  if (dueAt === null) return null;
  if (repliedAt !== null) return Date.parse(repliedAt) <= Date.parse(dueAt) ? 'met' : 'breached';
  return nowMs > Date.parse(dueAt) ? 'breached' : null;
}

/** Preset A owes a credit for every late first reply; the free Silver term costs nothing, so its credit is 0. */
function creditOf(ticket: TicketRow, profile: DemoAccountProfile, nowMs: number): CreditRow | null {
  const { policy, subscription } = profile;
  if (!policy.guarantees.credits || ticket.slaOutcome !== 'breached' || ticket.firstStaffReplyAt === null || ticket.dueAt === null) return null;
  const inFreeTerm = subscription.freeTerm !== null && ticket.createdAt < subscription.freeTerm.endsAt;
  const price = inFreeTerm ? 0 : (policy.plans.find((p) => p.id === (ticket.plan as PlanId))?.monthlyPriceCents ?? 0);
  const credit = creditForTicket({
    dueAt: ticket.dueAt,
    firstStaffReplyAt: ticket.firstStaffReplyAt,
    now: formatInstant(nowMs),
    monthlyPriceCents: price,
    anchor: subscription.anchor,
    timeZone: subscription.timeZone,
  });
  if (credit.status !== 'owed' || credit.appliesAt === null) return null;
  return {
    id: `cr-${ticket.id}`,
    accountId: ticket.accountId,
    subscriptionId: subscription.id,
    ticketId: ticket.id,
    cents: credit.cents,
    latenessMs: credit.latenessMs,
    dueAt: ticket.dueAt,
    repliedAt: ticket.firstStaffReplyAt,
    cycleStart: credit.cycle.start,
    cycleEnd: credit.cycle.end,
    appliesAt: credit.appliesAt,
  };
}
