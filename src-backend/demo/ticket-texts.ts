import { cancellationReply, type ChecklistItemId, type SupportPolicy } from '@shared/policy';
import {
  CUSTOMER_CLOSINGS,
  FORUM_ANSWER,
  GREETINGS,
  INTERNAL_NOTES,
  LATER_EXCHANGES,
  NOT_ENTITLED_ANSWER,
  NOT_HOLDER_NOTE,
  NUDGES,
  OUTDATED_ANSWER,
  STAFF_CLOSINGS,
  SOLVED_NOTE,
  STAFF_LATER_OPENERS,
  STAFF_OPENERS,
  URGENT_LINES,
} from './demo-phrases';
import { fillTemplate, type DemoTopic, type TopicVariant } from './demo-topic';
import type { SeededRandom } from './seeded-random';
import type { TicketTimeline } from './ticket-timeline';

/** What a ticket's conversation says; only the parts its timeline uses are written ('' otherwise). */
export interface TicketTexts {
  subject: string;
  body: string;
  firstReply: string;
  note: string;
  nudge: string;
  /** Customer and staff texts of the rounds after the first reply, one per exchange. */
  customerFollowUps: string[];
  staffFollowUps: string[];
  resolution: string;
}

export interface TextInput {
  topic: DemoTopic;
  policy: SupportPolicy;
  urgent: boolean;
  requesterName: string;
  requesterEmail: string;
  holderEmail: string;
  staffName: string;
  /** Template values: product, version, latest, other. */
  values: Record<string, string>;
  /** Preset B checklist items that failed: the answer follows the policy rather than the topic. */
  failedChecks: readonly ChecklistItemId[];
}

type Answer = Pick<TopicVariant, 'reply' | 'followUp' | 'resolution'>;

const firstName = (name: string): string => name.split(' ')[0] ?? name;

export function ticketTexts(timeline: TicketTimeline, input: TextInput, random: SeededRandom): TicketTexts {
  const { topic, policy } = input;
  const customer = firstName(input.requesterName);
  const staff = firstName(input.staffName);
  const values = { ...input.values, customer, staff, requester: input.requesterEmail, holder: input.holderEmail, renewalUrl: policy.entitlement.renewalUrl };
  const fill = (template: string): string => fillTemplate(template, values);
  const staffMessage = (core: string, openers: readonly string[] = STAFF_LATER_OPENERS): string =>
    `${fill(random.pick(openers))}\n\n${fill(core)}\n\n${fill(random.pick(STAFF_CLOSINGS))}`;

  const variant = random.pick(topic.variants);
  const answer = policyAnswer(topic, input.failedChecks) ?? variant;
  const { subject, body } = customerOpening(topic, variant, input.urgent, fill, random);
  const texts: TicketTexts = { subject, body, firstReply: '', note: '', nudge: '', customerFollowUps: [], staffFollowUps: [], resolution: '' };
  if (timeline.firstReplyMs !== null) {
    texts.firstReply = topic.cancellation
      ? `${cancellationReply({ managePurchasesUrl: policy.billing.managePurchasesUrl, customerName: customer })}\n${staff}`
      : staffMessage(answer.reply, STAFF_OPENERS);
  }
  if (timeline.noteMs !== null) {
    const notHolder = input.requesterEmail.toLowerCase() !== input.holderEmail.toLowerCase();
    texts.note = fill(notHolder && random.chance(0.7) ? NOT_HOLDER_NOTE : random.pick(INTERNAL_NOTES));
  }
  if (timeline.nudgeMs !== null) texts.nudge = random.pick(NUDGES);
  // The first round is the topic's follow-up and resolution; later rounds are small questions.
  const rounds = timeline.exchanges.length;
  if (rounds > 0) {
    const later = random.sample(LATER_EXCHANGES, rounds - 1);
    texts.customerFollowUps = [fill(answer.followUp), ...later.map((e) => e.customer)];
    texts.staffFollowUps = [staffMessage(answer.resolution), ...later.map((e) => staffMessage(e.staff))];
  }
  if (timeline.solvedMs !== null) texts.resolution = staffMessage(rounds > 0 ? SOLVED_NOTE : answer.resolution);
  return texts;
}

/** The subject and first message of a ticket, signed with the customer's first name. */
export function customerOpening(
  topic: DemoTopic,
  variant: Pick<TopicVariant, 'subjects' | 'problem'>,
  urgent: boolean,
  fill: (template: string) => string,
  random: SeededRandom,
): { subject: string; body: string } {
  const subject = (urgent && random.chance(0.5) ? 'URGENT: ' : '') + fill(random.pick(variant.subjects));
  const paragraphs = [fill(variant.problem)];
  if (topic.details.length > 0 && random.chance(0.6)) paragraphs.push(fill(random.pick(topic.details)));
  if (urgent && !topic.cancellation) paragraphs.push(random.pick(URGENT_LINES));
  return { subject, body: `${random.pick(GREETINGS)}\n\n${paragraphs.join(' ')}\n\n${random.pick(CUSTOMER_CLOSINGS)}\n${fill('{customer}')}` };
}

/**
 * Under Preset B a failed check decides the answer: no valid subscription first, then a forum
 * referral, then an outdated version, unless the topic itself is about that very rule.
 */
function policyAnswer(topic: DemoTopic, failed: readonly ChecklistItemId[]): Answer | null {
  if (topic.cancellation) return null;
  if (failed.includes('subscription-valid')) return NOT_ENTITLED_ANSWER;
  if (failed.includes('not-from-forum') && topic.source !== 'forum-referred') return FORUM_ANSWER;
  if (failed.includes('latest-version') && !topic.outdated) return OUTDATED_ANSWER;
  return null;
}
