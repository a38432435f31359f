import { describe, expect, it } from 'vitest';
import { presets } from '@shared/policy';
import { eligibilityModel, type EligibilityInput } from '../../../src-renderer/ticket/eligibility-model';
import { subscription, ticket } from '../../integration/cache/cache-fixtures';

const scoped = presets.subscriptionScope();
const sub = { ...subscription('sub-1', 'acc-1'), entitlementWindows: [{ start: '2026-04-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' }] };
const allYes = { codeNotCustomized: true, dataNotModified: true, addonsPurchased: true };
const base: EligibilityInput = {
  policy: scoped,
  ticket: ticket('t1', { productVersion: '4.2.0', source: 'portal', categoryId: 'how-to-feature-question', checklistAnswers: allYes }),
  subscription: sub,
  product: { latestStableVersion: '4.2.0', discontinued: false },
  text: 'How do I export invoices?',
};

function verdictOf(input: Partial<EligibilityInput>) {
  const model = eligibilityModel({ ...base, ...input });
  if (!model.ok) throw new Error(model.message);
  return model;
}

describe('eligibilityModel', () => {
  it('eligible when every item passes, auto items filled from the cache', () => {
    const model = verdictOf({});
    expect(model.result.verdict).toEqual({ kind: 'eligible' });
    const byId = Object.fromEntries(model.result.items.map((i) => [i.id, i]));
    expect(byId['subscription-valid']).toMatchObject({ source: 'auto', status: 'pass' });
    expect(byId['latest-version']).toMatchObject({ source: 'auto', status: 'pass' });
    expect(byId['not-from-forum']).toMatchObject({ source: 'auto', status: 'pass' });
  });

  it('not eligible, quoting the failed items: old version and customized code', () => {
    const model = verdictOf({ ticket: { ...base.ticket, productVersion: '3.9.1', checklistAnswers: { ...allYes, codeNotCustomized: false } } });
    expect(model.result.verdict.kind).toBe('not-eligible');
    if (model.result.verdict.kind !== 'not-eligible') return;
    expect(model.result.verdict.failed.map((f) => f.id)).toEqual(['latest-version', 'code-not-customized']);
    expect(model.result.verdict.failed[1]?.label).toBe('Code not customized');
  });

  it('needs an engineer check while answers or the category are missing', () => {
    const model = verdictOf({ ticket: { ...base.ticket, categoryId: null, checklistAnswers: {} } });
    expect(model.result.verdict.kind).toBe('needs-engineer-check');
    if (model.result.verdict.kind !== 'needs-engineer-check') return;
    expect(model.result.verdict.pending.map((p) => p.id)).toEqual(['code-not-customized', 'data-not-modified', 'addons-purchased', 'in-scope']);
  });

  it('a forum ticket fails item 7 without asking the engineer', () => {
    const model = verdictOf({ ticket: { ...base.ticket, source: 'forum' } });
    expect(model.result.items.find((i) => i.id === 'not-from-forum')).toMatchObject({ status: 'fail' });
  });

  it('suggests scope categories from the text', () => {
    const model = verdictOf({ text: 'My license key stopped working after we moved to a new server' });
    expect(model.suggestions[0]?.categoryId).toBe('license-key-server-change');
  });

  it('reports a bad source as an error value', () => {
    const model = eligibilityModel({ ...base, ticket: { ...base.ticket, source: 'fax' as never } });
    expect(model).toMatchObject({ ok: false, message: expect.stringContaining('facts.source') });
  });
});
