import { describe, expect, it } from 'vitest';
import {
  checklistItemIds,
  checklistItemLabels,
  checklistItems,
  evaluateEligibility,
  type ChecklistItem,
  type ChecklistItemId,
  type EligibilityFacts,
  type EngineerAnswers,
} from '@shared/policy/eligibility';
import { subscriptionPolicy, thrownField } from './policy-fixture';

const WINDOW = { start: '2026-01-15T14:30:00.000Z', end: '2026-04-15T13:30:00.000Z' };

const goodFacts: EligibilityFacts = {
  createdAt: '2026-03-02T15:00:00Z',
  entitlementWindows: [WINDOW],
  productVersion: '4.2.1',
  latestStableVersion: '4.2.1',
  productDiscontinued: false,
  licenseKeyRequest: false,
  source: 'portal',
  categoryId: null,
};

const goodAnswers: EngineerAnswers = {
  codeNotCustomized: true,
  dataNotModified: true,
  addonsPurchased: true,
  notFromForum: null,
  categoryId: 'how-to-feature-question',
};

function run(facts: Partial<EligibilityFacts> = {}, answers: Partial<EngineerAnswers> = {}, policy = subscriptionPolicy()) {
  return evaluateEligibility({ policy, facts: { ...goodFacts, ...facts }, answers: { ...goodAnswers, ...answers } });
}

function item(items: ChecklistItem[], id: ChecklistItemId): ChecklistItem {
  const found = items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
}

describe('checklist data', () => {
  it('lists the eight checklist items in order', () => {
    expect(checklistItemIds).toEqual([
      'subscription-valid',
      'latest-version',
      'not-discontinued',
      'code-not-customized',
      'data-not-modified',
      'addons-purchased',
      'not-from-forum',
      'in-scope',
    ]);
    expect(checklistItems.map((i) => i.label)).toEqual(checklistItemIds.map((id) => checklistItemLabels[id]));
    expect(checklistItems.filter((i) => i.source === 'engineer').map((i) => i.id)).toEqual([
      'code-not-customized',
      'data-not-modified',
      'addons-purchased',
      'in-scope',
    ]);
  });
});

describe('evaluateEligibility', () => {
  it('is eligible when every item passes or does not apply', () => {
    const result = run();
    expect(result.verdict).toEqual({ kind: 'eligible' });
    expect(result.items.map((i) => i.id)).toEqual([...checklistItemIds]);
    expect(result.items.map((i) => i.status)).toEqual(['pass', 'pass', 'not-applicable', 'pass', 'pass', 'pass', 'pass', 'pass']);
    for (const i of result.items) expect(i.label).toBe(checklistItemLabels[i.id]);
  });

  describe('1. subscription valid at creation', () => {
    it.each([
      ['at the window start', WINDOW.start, 'pass'],
      ['one millisecond before the end', '2026-04-15T13:29:59.999Z', 'pass'],
      ['exactly at the end', WINDOW.end, 'fail'],
      ['before the window', '2026-01-01T00:00:00Z', 'fail'],
    ] as const)('%s -> %s', (_name, createdAt, status) => {
      expect(item(run({ createdAt }).items, 'subscription-valid')).toMatchObject({ source: 'auto', status });
    });

    it('quotes the end date and the renewal hint when it fails', () => {
      const result = run({ createdAt: '2026-05-01T00:00:00Z' });
      const detail = item(result.items, 'subscription-valid').detail;
      expect(detail).toContain('2026-04-15T13:30:00.000Z');
      expect(detail).toContain('https://vendor.example/renew');
      expect(result.verdict).toEqual({
        kind: 'not-eligible',
        failed: [{ id: 'subscription-valid', label: 'Subscription valid at creation', reason: detail }],
      });
    });

    it('fails with no windows at all', () => {
      expect(item(run({ entitlementWindows: [] }).items, 'subscription-valid').status).toBe('fail');
    });

    it('does not apply when the policy does not require a subscription', () => {
      const policy = subscriptionPolicy({ entitlement: { required: false, monthsPerPurchase: 3, renewalUrl: 'https://vendor.example/renew' } });
      const result = run({ entitlementWindows: [] }, {}, policy);
      expect(item(result.items, 'subscription-valid').status).toBe('not-applicable');
      expect(result.verdict.kind).toBe('eligible');
    });
  });

  describe('2. latest stable version', () => {
    it.each([
      ['4.2.1', '4.2.1', 'pass'],
      ['v4.2.1', '4.2.1', 'pass'],
      ['4.10', '4.9', 'pass'],
      ['4.9', '4.10', 'fail'],
      ['4.3.0-beta', '4.3.0', 'fail'],
      ['5.0', '4.3', 'pass'],
      [null, '4.3', 'unanswered'],
      ['', '4.3', 'unanswered'],
      ['4.3', null, 'unanswered'],
      ['the newest one', '4.3', 'unanswered'],
    ] as const)('%j vs latest %j -> %s', (productVersion, latestStableVersion, status) => {
      const it = item(run({ productVersion, latestStableVersion }).items, 'latest-version');
      expect(it).toMatchObject({ source: 'auto', status });
      expect(it.detail.length).toBeGreaterThan(0);
    });

    it('says data is missing when the version is unknown', () => {
      expect(item(run({ productVersion: undefined }).items, 'latest-version').detail).toMatch(/does not say which product version/);
    });
  });

  describe('3. product not discontinued (license-key requests only)', () => {
    it.each([
      [false, true, 'not-applicable'],
      [undefined, true, 'not-applicable'],
      [true, false, 'pass'],
      [true, true, 'fail'],
      [true, null, 'unanswered'],
    ] as const)('licenseKeyRequest %j, discontinued %j -> %s', (licenseKeyRequest, productDiscontinued, status) => {
      expect(item(run({ licenseKeyRequest, productDiscontinued }).items, 'not-discontinued')).toMatchObject({ source: 'auto', status });
    });
  });

  describe.each([
    ['code-not-customized', 'codeNotCustomized'],
    ['data-not-modified', 'dataNotModified'],
    ['addons-purchased', 'addonsPurchased'],
  ] as const)('engineer confirmation %s', (id, key) => {
    it.each([
      [true, 'pass'],
      [false, 'fail'],
      [null, 'unanswered'],
      [undefined, 'unanswered'],
    ] as const)('%j -> %s', (answer, status) => {
      expect(item(run({}, { [key]: answer }).items, id)).toMatchObject({ source: 'engineer', status });
    });
  });

  describe('7. not from the community forum', () => {
    it.each([
      ['forum', true, 'auto', 'fail'],
      ['forum-referred', true, 'auto', 'fail'],
      ['portal', false, 'auto', 'pass'],
      ['email', null, 'auto', 'pass'],
      ['phone', null, 'auto', 'pass'],
      ['chat', null, 'auto', 'pass'],
      [null, true, 'engineer', 'pass'],
      [null, false, 'engineer', 'fail'],
      [null, null, 'engineer', 'unanswered'],
      [undefined, undefined, 'engineer', 'unanswered'],
    ] as const)('source %j, engineer %j -> %s (%s)', (source, notFromForum, itemSource, status) => {
      expect(item(run({ source }, { notFromForum }).items, 'not-from-forum')).toMatchObject({ source: itemSource, status });
    });
  });

  describe('8. request type in scope', () => {
    it.each([
      [null, 'installation-upgrade', 'pass'],
      [null, 'php-settings', 'fail'],
      [null, 'forum-issue', 'fail'],
      ['php-settings', 'api-how-to', 'pass'],
      ['api-how-to', null, 'pass'],
      [null, null, 'unanswered'],
      [null, 'no-such-category', 'unanswered'],
    ] as const)('stored %j, engineer picks %j -> %s', (stored, picked, status) => {
      expect(item(run({ categoryId: stored }, { categoryId: picked }).items, 'in-scope')).toMatchObject({ source: 'engineer', status });
    });

    it('quotes the category label', () => {
      const result = run({}, { categoryId: 'mail-server-debugging' });
      expect(item(result.items, 'in-scope').detail).toBe('"Mail-server debugging" is out of scope.');
    });
  });

  describe('verdict', () => {
    it('needs an engineer check while items are unanswered, listing them in order', () => {
      const result = run({ productVersion: null }, { codeNotCustomized: null, categoryId: null });
      expect(result.verdict).toEqual({
        kind: 'needs-engineer-check',
        pending: [
          { id: 'latest-version', label: 'Product on the latest stable version' },
          { id: 'code-not-customized', label: 'Code not customized' },
          { id: 'in-scope', label: 'Request type is in scope' },
        ],
      });
    });

    it('is not eligible when anything fails, even with unanswered items, quoting every failure', () => {
      const result = run({ source: 'forum', productVersion: '4.1' }, { codeNotCustomized: null, addonsPurchased: false });
      expect(result.verdict.kind).toBe('not-eligible');
      if (result.verdict.kind !== 'not-eligible') return;
      expect(result.verdict.failed.map((f) => f.id)).toEqual(['latest-version', 'addons-purchased', 'not-from-forum']);
      for (const f of result.verdict.failed) {
        expect(f.label).toBe(checklistItemLabels[f.id]);
        expect(f.reason).toBe(item(result.items, f.id).detail);
      }
    });
  });

  describe('input errors name the field', () => {
    it.each<[string, Partial<EligibilityFacts>, Partial<EngineerAnswers>, string]>([
      ['bad createdAt', { createdAt: '2026-03-02 15:00' }, {}, 'facts.createdAt'],
      ['bad window', { entitlementWindows: [{ start: 'soon', end: WINDOW.end }] }, {}, 'facts.entitlementWindows[0].start'],
      ['unknown source', { source: 'twitter' as never }, {}, 'facts.source'],
      ['answer that is not a boolean', {}, { codeNotCustomized: 'yes' as never }, 'answers.codeNotCustomized'],
      ['category that is not a string', {}, { categoryId: 7 as never }, 'answers.categoryId'],
    ])('%s', (_name, facts, answers, field) => {
      expect(thrownField(() => run(facts, answers))).toBe(field);
    });
  });
});
