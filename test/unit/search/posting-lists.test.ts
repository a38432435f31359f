import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gallopDown, intersectDescending } from '../../../src-renderer/search/posting-lists';
import { TicketTextIndex } from '../../../src-renderer/search/ticket-text-index';

const ascending = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 120 }).map((a) => a.sort((x, y) => x - y));

function collect(lists: number[][], limit = Infinity): number[] {
  const out: number[] = [];
  intersectDescending(lists, (doc) => {
    out.push(doc);
    return out.length < limit;
  });
  return out;
}

describe('posting lists', () => {
  it('gallopDown finds the last element at or below the doc', () => {
    const list = [1, 3, 5, 7, 9, 11, 13];
    expect(gallopDown(list, 8, 6)).toBe(3);
    expect(gallopDown(list, 13, 6)).toBe(6);
    expect(gallopDown(list, 0, 6)).toBe(-1);
    expect(gallopDown(list, 4, 2)).toBe(1);
    expect(gallopDown(list, 4, -1)).toBe(-1);
  });

  it('intersects like a set intersection, largest first, and stops when told', () => {
    fc.assert(
      fc.property(fc.array(ascending, { minLength: 1, maxLength: 4 }), (lists) => {
        const expected = lists[0]!.filter((d) => lists.every((l) => l.includes(d))).sort((a, b) => b - a);
        expect(collect(lists)).toEqual(expected);
        expect(collect(lists, 2)).toEqual(expected.slice(0, 2));
      }),
    );
  });
});

describe('TicketTextIndex', () => {
  it('finds, forgets removed tickets, and still finds the rest after compaction', () => {
    const index = new TicketTextIndex();
    const many = Array.from({ length: 12_000 }, (_, i) => ({ ticketId: `t${i % 3_000}`, text: i % 2 === 0 ? 'export failed' : 'export done' }));
    index.add(many);
    index.add([{ ticketId: 'keep', text: 'export failed again' }]);
    expect(index.search('again export', 10)).toEqual(['keep']);
    expect(index.search('export failed', 3)).toEqual(['keep', 't2998', 't2996']);
    index.remove(Array.from({ length: 3_000 }, (_, i) => `t${i}`)); // 12,000 removed: compacts
    expect(index.search('export', 10)).toEqual(['keep']);
    expect(index.search('done', 10)).toEqual([]);
    expect(index.size).toBe(1);
  });
});
