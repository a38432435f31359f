import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../../src-backend/billing/parse-csv';

describe('the CSV reader (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,"",z\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: ['last', '', 'z'] },
    ]);
  });

  it('skips a byte-order mark, accepts LF and CR line ends, drops blank lines, needs no final line end', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\r3,4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,\n')).toEqual([{ line: 1, fields: ['a', '', ''] }]);
  });

  it.each([
    ['a,b\n1,"open\nnever closed', 2, 'never closed'],
    ['a,b\n\n1,x"y', 3, 'inside an unquoted field'],
    ['a,b\n"1"x,2', 2, 'after a closing quote'],
  ])('refuses %j naming line %i', (text, line, words) => {
    let thrown: unknown;
    try {
      parseCsv(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    expect((thrown as CsvSyntaxError).line).toBe(line);
    expect((thrown as CsvSyntaxError).message).toContain(words);
  });
});
