import type { DemoTopic } from './demo-topic';
import { IN_SCOPE_TOPICS } from './demo-topics-in-scope';
import { OUT_OF_SCOPE_TOPICS } from './demo-topics-out-of-scope';

/**
 * Tickets that ask to cancel. Cancellation happens only on the manage-purchases page, so these are
 * flagged and answered with the policy's cancellation reply (see detectCancellationRequest).
 */
const CANCELLATION_TOPIC: DemoTopic = {
  id: 'cancel-request',
  categoryId: null,
  weight: 2.5,
  cancellation: true,
  details: ['Thank you for the help over the years.', 'Let me know if you need anything else from us.'],
  maxRounds: 1,
  variants: [
    { subjects: ['Please cancel my subscription', 'Cancellation request'], problem: 'Please cancel my subscription at the end of this month. We are moving to another tool.' },
    { subjects: ['Cancel our support plan', 'Ending our plan'], problem: 'We have decided to cancel our plan, the project it was for has ended.' },
    { subjects: ['I want to cancel', 'Cancel support'], problem: 'I want to cancel. We no longer need support for {product}.' },
    { subjects: ['Do not renew', 'No renewal next month'], problem: 'Please do not renew our subscription next month.' },
  ].map((ask) => ({
    ...ask,
    reply: '',
    followUp: 'Done on the manage-purchases page, thanks for pointing me there.',
    resolution: 'Thank you for confirming, that is all it takes.',
  })),
};

export const DEMO_TOPICS: readonly DemoTopic[] = [...IN_SCOPE_TOPICS, ...OUT_OF_SCOPE_TOPICS, CANCELLATION_TOPIC];
export const DEMO_TOPIC_WEIGHTS: readonly number[] = DEMO_TOPICS.map((t) => t.weight);
