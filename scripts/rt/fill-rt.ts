import { DEMO_PRODUCTS } from '../../src-backend/demo/demo-products';
import { fillTemplate, type TopicVariant } from '../../src-backend/demo/demo-topic';
import { IN_SCOPE_TOPICS } from '../../src-backend/demo/demo-topics-in-scope';
import { seededRandom, type SeededRandom } from '../../src-backend/demo/seeded-random';
import { REQUESTERS, STAFF, type Requester, type StaffMember } from './helpdesk-cast';
import { backdateTickets, type TicketTimeline } from './helpdesk-setup';
import { rtAs, type RtCall } from './rt-as';

export interface FillTarget {
  url: string;
  /** The instance's folder (its SQLite file is backdated). */
  dir: string;
  /** root's auth token. */
  token: string;
}

export interface FillSummary {
  tickets: number;
  replies: number;
  resolved: number;
  urgent: number;
}

const MINUTE = 60_000;
const TICKETS = 40;

/** What happens to a ticket after the customer opens it. */
type Story = 'waiting' | 'answered' | 'follow-up' | 'resolved' | 'noted';

/**
 * A helpdesk worth looking at: RT's staff and customers as RT users (RT_SiteConfig's rights from
 * grant-helpdesk-rights.pl), then 40 tickets opened by the customers themselves over the last four
 * days, some urgent (Severity high), answered, followed up, noted or resolved by staff. Everything
 * goes through REST 2.0 as the person who does it, then the history is moved into the past.
 */
export async function fillRt(target: FillTarget, now = new Date(), seed = 19): Promise<FillSummary> {
  const root = rtAs(target.url, { token: target.token });
  for (const staff of STAFF) {
    await root('POST', '/user', { Name: staff.login, RealName: staff.name, EmailAddress: staff.email, Password: staff.password, Privileged: 1 });
  }
  for (const person of REQUESTERS) {
    await root('POST', '/user', { Name: person.email, RealName: person.name, EmailAddress: person.email, Password: person.password, Organization: person.organization ?? '' });
  }
  const random = seededRandom(seed);
  const summary: FillSummary = { tickets: 0, replies: 0, resolved: 0, urgent: 0 };
  const timelines: TicketTimeline[] = [];
  for (let i = 0; i < TICKETS; i++) {
    timelines.push(await fileOne(target.url, random.fork(), i, now, summary));
  }
  await backdateTickets(target.dir, timelines);
  return summary;
}

/** The newest tickets arrived in the last three hours, then the day, then the days before. */
function ageMinutes(random: SeededRandom, index: number): number {
  if (index < 8) return random.int(10, 170);
  if (index < 20) return random.int(180, 24 * 60);
  return random.int(24 * 60, 4 * 24 * 60);
}

function storyOf(random: SeededRandom, age: number): Story {
  if (age < 180 && random.chance(0.7)) return 'waiting';
  return random.weighted<Story>(['waiting', 'answered', 'follow-up', 'resolved', 'noted'], [1, 4, 3, 3, 1]);
}

interface Ticket {
  id: number;
  variant: TopicVariant;
  values: Record<string, string>;
  staff: StaffMember;
  anchors: TicketTimeline['anchors'];
}

async function fileOne(url: string, random: SeededRandom, index: number, now: Date, summary: FillSummary): Promise<TicketTimeline> {
  const requester = random.pick(REQUESTERS);
  const staff = random.pick(STAFF);
  const topic = random.pick(IN_SCOPE_TOPICS);
  const variant = random.pick(topic.variants);
  const product = random.pick(DEMO_PRODUCTS);
  const values = {
    product: product.name, version: random.pick(product.releases), latest: product.releases.at(-1) as string,
    other: random.pick(DEMO_PRODUCTS.filter((p) => p !== product)).name, customer: requester.name.split(' ')[0] as string, staff: staff.name.split(' ')[0] as string,
  };
  const age = ageMinutes(random, index);
  let at = now.getTime() - age * MINUTE;
  const urgent = random.chance(0.2);
  const customer = asCustomer(url, requester);
  const body = [fillTemplate(variant.problem, values), ...(topic.details.length > 0 ? [fillTemplate(random.pick(topic.details), values)] : []), `${requester.name}${requester.organization === null ? '' : `\n${requester.organization}`}`];
  const created = await customer('POST', '/ticket', {
    Queue: 'General', Subject: fillTemplate(random.pick(variant.subjects), values), Requestor: requester.email,
    Content: body.join('\n\n'), ContentType: 'text/plain', CustomFields: { Severity: urgent ? 'high' : 'normal' },
  });
  const ticket: Ticket = { id: created.createdId as number, variant, values, staff, anchors: [{ from: 0, at: new Date(at).toISOString() }] };
  summary.tickets++;
  if (urgent) summary.urgent++;
  const story = storyOf(random, age);
  // Each step happens some time after the one before, never after `now`.
  const later = (share: number) => (at += Math.max(MINUTE, Math.min(random.exponential(90 * MINUTE), (now.getTime() - at) * share)));
  const staffCall = rtAs(url, { user: staff.login, password: staff.password });
  if (story === 'noted') {
    await step(ticket, later(0.5), staffCall('POST', `/ticket/${ticket.id}/comment`, { Content: `Checked the logs for ${values.product}; waiting for the developers before answering.`, ContentType: 'text/plain' }));
  }
  if (story === 'answered' || story === 'follow-up' || story === 'resolved') {
    await step(ticket, later(0.4), staffCall('POST', `/ticket/${ticket.id}/correspond`, { Content: fillTemplate(variant.reply, values), ContentType: 'text/plain' }));
    await staffCall('PUT', `/ticket/${ticket.id}`, { Owner: staff.login });
    summary.replies++;
  }
  if (story === 'follow-up' || story === 'resolved') {
    await step(ticket, later(0.5), customer('POST', `/ticket/${ticket.id}/correspond`, { Content: fillTemplate(variant.followUp, values), ContentType: 'text/plain' }));
  }
  if (story === 'resolved') {
    await step(ticket, later(0.5), staffCall('POST', `/ticket/${ticket.id}/correspond`, { Content: fillTemplate(variant.resolution, values), ContentType: 'text/plain', Status: 'resolved' }));
    summary.resolved++;
  }
  return { ticket: ticket.id, anchors: ticket.anchors };
}

function asCustomer(url: string, requester: Requester): RtCall {
  return rtAs(url, { user: requester.email, password: requester.password });
}

/** Records when the transaction a call created (and those right after it) happened. */
async function step(ticket: Ticket, at: number, call: ReturnType<RtCall>): Promise<void> {
  const answer = await call;
  if (answer.createdId === null) throw new Error(`ticket ${ticket.id}: RT named no transaction it created`);
  ticket.anchors.push({ from: answer.createdId, at: new Date(at).toISOString() });
}
