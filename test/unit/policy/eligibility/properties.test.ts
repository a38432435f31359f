import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultScopeCategories,
  detectCancellationRequest,
  entitlementAt,
  entitlementWindows,
  evaluateEligibility,
  suggestScopeCategories,
  ticketSources,
  type EntitlementEvent,
} from '@shared/policy/eligibility';
import { formatInstant, parseInstant } from '@shared/policy/instant';
import { subscriptionPolicy } from './policy-fixture';

const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2030, 0, 1);
const instant = fc.integer({ min: FROM, max: TO }).map(formatInstant);
const zone = fc.constantFrom('America/New_York', 'Europe/London', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Australia/Lord_Howe', 'UTC');
const event: fc.Arbitrary<EntitlementEvent> = fc.record(
  { kind: fc.constantFrom('purchase' as const, 'renewal' as const), at: instant, months: fc.integer({ min: 1, max: 24 }) },
  { requiredKeys: ['kind', 'at'] },
);
const events = fc.array(event, { maxLength: 12 });

describe('entitlement properties', () => {
  it('windows are non-empty, sorted and disjoint, and cover every purchase instant', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: 1, max: 12 }), events, (timeZone, monthsPerPurchase, evs) => {
        const windows = entitlementWindows({ timeZone, monthsPerPurchase, events: evs });
        const spans = windows.map((w) => [parseInstant(w.start, 'start'), parseInstant(w.end, 'end')] as const);
        spans.forEach(([start, end], i) => {
          expect(start).toBeLessThan(end);
          if (i > 0) expect(spans[i - 1]![1]).toBeLessThan(start);
        });
        for (const e of evs.filter((e) => e.kind === 'purchase')) {
          expect(entitlementAt(windows, e.at).entitled).toBe(true);
        }
        if (evs.length > 0) expect(windows.length).toBeGreaterThan(0);
      }),
    );
  });

  it('the result does not depend on the order the events are listed in', () => {
    fc.assert(
      fc.property(zone, events, (timeZone, evs) => {
        const a = entitlementWindows({ timeZone, monthsPerPurchase: 3, events: evs });
        const b = entitlementWindows({ timeZone, monthsPerPurchase: 3, events: [...evs].reverse() });
        expect(b).toEqual(a);
      }),
    );
  });

  it('entitled iff the creation instant lies in a window; otherwise endedAt <= createdAt < startsAt', () => {
    fc.assert(
      fc.property(zone, events, instant, (timeZone, evs, createdAt) => {
        const windows = entitlementWindows({ timeZone, monthsPerPurchase: 3, events: evs });
        const c = parseInstant(createdAt, 'createdAt');
        const inside = windows.some((w) => parseInstant(w.start, 's') <= c && c < parseInstant(w.end, 'e'));
        const status = entitlementAt(windows, createdAt);
        expect(status.entitled).toBe(inside);
        if (!status.entitled) {
          if (status.endedAt !== null) expect(parseInstant(status.endedAt, 'endedAt')).toBeLessThanOrEqual(c);
          if (status.startsAt !== null) expect(parseInstant(status.startsAt, 'startsAt')).toBeGreaterThan(c);
        }
      }),
    );
  });
});

describe('eligibility properties', () => {
  const maybeBool = fc.constantFrom(true, false, null, undefined);
  const policy = subscriptionPolicy();
  const categoryId = fc.constantFrom(null, undefined, 'unknown-category', ...defaultScopeCategories.map((c) => c.id));

  it('verdict is not-eligible iff an item fails, needs-engineer-check iff none fails and one is unanswered', () => {
    fc.assert(
      fc.property(
        fc.record({
          createdAt: instant,
          productVersion: fc.constantFrom(null, undefined, '1.9', '2.0', '2.10', '2.10-beta', 'junk'),
          latestStableVersion: fc.constantFrom(null, '2.10'),
          productDiscontinued: maybeBool,
          licenseKeyRequest: fc.boolean(),
          source: fc.constantFrom(null, undefined, ...ticketSources),
          categoryId,
        }),
        fc.record({
          codeNotCustomized: maybeBool,
          dataNotModified: maybeBool,
          addonsPurchased: maybeBool,
          notFromForum: maybeBool,
          categoryId,
        }),
        fc.array(fc.record({ start: instant, end: instant }), { maxLength: 3 }),
        (facts, answers, rawWindows) => {
          const windows = rawWindows.map((w) => (w.start <= w.end ? w : { start: w.end, end: w.start }));
          const { items, verdict } = evaluateEligibility({ policy, facts: { ...facts, entitlementWindows: windows }, answers });
          expect(items).toHaveLength(8);
          const failed = items.filter((i) => i.status === 'fail');
          const unanswered = items.filter((i) => i.status === 'unanswered');
          expect(verdict.kind === 'not-eligible').toBe(failed.length > 0);
          expect(verdict.kind === 'needs-engineer-check').toBe(failed.length === 0 && unanswered.length > 0);
          expect(verdict.kind === 'eligible').toBe(failed.length === 0 && unanswered.length === 0);
          if (verdict.kind === 'not-eligible') expect(verdict.failed.map((f) => f.id)).toEqual(failed.map((i) => i.id));
        },
      ),
    );
  });
});

describe('text properties', () => {
  it('suggestions are ranked, positive, limited and deterministic; detection never throws', () => {
    const words = fc.constantFrom('ftp', 'nginx', 'how', 'do', 'i', 'cancel', 'my', 'plan', 'css', 'backup', 'the', 'api', 'not', 'slow', 'query', '.', ',', '!');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 30 }).map((w) => w.join(' ')), fc.integer({ min: 0, max: 5 }), (text, limit) => {
        const suggestions = suggestScopeCategories(defaultScopeCategories, text, limit);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < suggestions.length; i += 1) expect(suggestions[i - 1]!.score).toBeGreaterThanOrEqual(suggestions[i]!.score);
        for (const s of suggestions) expect(s.score).toBeGreaterThan(0);
        expect(suggestScopeCategories(defaultScopeCategories, text, limit)).toEqual(suggestions);
        const detection = detectCancellationRequest(text);
        expect(detection.asksToCancel).toBe(detection.matched !== null);
        if (detection.matched !== null) expect(text).toContain(detection.matched);
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void detectCancellationRequest(text)));
  });
});
