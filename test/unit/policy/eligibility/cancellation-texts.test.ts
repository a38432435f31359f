import { describe, expect, it } from 'vitest';
import { detectCancellationRequest } from '@shared/policy/eligibility';
import { cancellationTexts, mentions, negations, orderCancellations, productQuestions, quotedMails, requests } from './cancellation-texts';

describe('cancellation requests, judged on a labelled table', () => {
  it('holds at least a hundred texts of every kind', () => {
    expect(cancellationTexts.length).toBeGreaterThanOrEqual(100);
    for (const group of [requests, productQuestions, negations, quotedMails, orderCancellations, mentions]) expect(group.length).toBeGreaterThanOrEqual(8);
    expect(new Set(cancellationTexts.map((t) => t.text)).size).toBe(cancellationTexts.length);
  });

  it.each(cancellationTexts)('$asksToCancel: $text ($why)', ({ text, asksToCancel }) => {
    const detection = detectCancellationRequest(text);
    expect(detection.asksToCancel).toBe(asksToCancel);
    expect(detection.matched === null).toBe(!asksToCancel);
    // The flag quotes the ticket: the phrase is there, as written (lower-cased).
    if (detection.matched !== null) expect(text.toLowerCase().replace(/\u2019/gu, "'").replace(/[ \t]+/gu, ' ')).toContain(detection.matched);
  });
});
