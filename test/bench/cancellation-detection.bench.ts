import { detectCancellationRequest } from '@shared/policy';
import { DEMO_TOPICS } from '../../src-backend/demo/demo-topics';
import { cancellationTexts, mentions, negations, orderCancellations, productQuestions } from '../unit/policy/eligibility/cancellation-texts';
import { formatRate, measureRate } from './measure';

const TEXTS = 100_000;
/** The longest body a ticket may have (the contract's limit). */
const LONGEST = 20_000;

function bodyOf(paragraphs: readonly string[]): string {
  let body = '';
  for (let i = 0; body.length < LONGEST; i += 1) body += `${paragraphs[i % paragraphs.length] as string}\n`;
  return body.slice(0, LONGEST);
}

/**
 * Cancellation-request detection runs for every ticket the UI shows. Figures: ticket texts per
 * second over the labelled table; the longest body made of ordinary support talk (the demo
 * workspace's texts, no request in them) and made of talk about cancelling that asks nothing (every
 * sentence read word by word: the worst case); lower-casing and splitting that body as the baseline.
 */
export function benchCancellationDetection(): string[] {
  const texts = Array.from({ length: TEXTS }, (_, i) => (cancellationTexts[i % cancellationTexts.length] as { text: string }).text);
  let sink = 0;
  const table = measureRate(TEXTS, 7, () => {
    for (const text of texts) sink += detectCancellationRequest(text).asksToCancel ? 1 : 0;
  });
  const ordinary = bodyOf(DEMO_TOPICS.filter((t) => t.cancellation !== true).flatMap((t) => t.variants.flatMap((v) => [v.problem, v.followUp])));
  const cancelTalk = bodyOf([...productQuestions, ...negations, ...orderCancellations, ...mentions].map((t) => t.text));
  const timeOf = (body: string) => measureRate(1, 21, () => void (sink += detectCancellationRequest(body).asksToCancel ? 1 : 2)).median;
  const baseline = measureRate(1, 21, () => void (sink += cancelTalk.toLowerCase().split(/\s+/u).length)).median;
  if (sink === 0) throw new Error('nothing computed');
  const ms = (rate: number) => `${(1000 / rate).toFixed(2)} ms`;
  return [
    `cancellation requests (labelled ticket texts, one core): median ${formatRate(table.median)}, best ${formatRate(table.best)}`,
    `  a ${LONGEST.toLocaleString('en-US')}-character body of ordinary support talk: median ${ms(timeOf(ordinary))};` +
      ` of talk about cancelling that asks nothing: ${ms(timeOf(cancelTalk))}; baseline lower-case and split it: ${ms(baseline)}`,
  ];
}
