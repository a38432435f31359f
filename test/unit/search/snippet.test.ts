import { describe, expect, it } from 'vitest';
import { parseQuery, searchTokens } from '../../../src-renderer/search/search-tokens';
import { buildSnippet } from '../../../src-renderer/search/snippet';

const hits = (parts: ReturnType<typeof buildSnippet>) => parts?.filter((p) => p.hit).map((p) => p.text);
const joined = (parts: ReturnType<typeof buildSnippet>) => parts?.map((p) => p.text).join('');

describe('searchTokens and parseQuery', () => {
  it('folds case and accents and splits on anything but letters and digits', () => {
    expect(searchTokens('Résumé: the INVOICE-2026 (v3.1)')).toEqual(['resume', 'the', 'invoice', '2026', 'v3', '1']);
  });

  it('reads a quoted query as a phrase and dedupes terms', () => {
    expect(parseQuery('  "Export to CSV" ')).toEqual({ terms: ['export', 'to', 'csv'], phrase: 'export to csv' });
    expect(parseQuery('csv export csv')).toEqual({ terms: ['csv', 'export'], phrase: null });
    expect(parseQuery('  ?! ')).toEqual({ terms: [], phrase: null });
  });
});

describe('buildSnippet', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(10)}The nightly export to CSV stops at row 65536 every time. ${'Trailing words here. '.repeat(20)}`;

  it('cuts a window around the first match at word boundaries and marks every term in it', () => {
    const parts = buildSnippet(long, ['export', 'csv']);
    expect(hits(parts)).toEqual(['export', 'CSV']);
    const text = joined(parts)!;
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('The nightly export to CSV stops at row 65536');
    expect(text.length).toBeLessThan(240);
  });

  it('highlights accented words found by their folded form', () => {
    expect(hits(buildSnippet('Mon résumé est joint.', ['resume']))).toEqual(['résumé']);
  });

  it('anchors on the phrase, not an earlier lone term', () => {
    const text = `csv ${'filler '.repeat(40)}please export to csv now`;
    const parts = buildSnippet(text, ['export', 'to', 'csv'], 'export to csv');
    expect(joined(parts)).toContain('please export to csv now');
    expect(joined(parts)!.startsWith('…')).toBe(true);
  });

  it('returns null when no term occurs', () => {
    expect(buildSnippet('nothing relevant', ['invoice'])).toBeNull();
  });
});
