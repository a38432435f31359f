import { describe, expect, it } from 'vitest';
import { namedStatement } from '../../../src-backend/db/database';

describe('namedStatement', () => {
  it('may be declared again with the same text (a module loaded twice)', () => {
    expect(namedStatement('test_same', 'SELECT 1')).toEqual(namedStatement('test_same', 'SELECT 1'));
  });

  it('refuses a name that is not a plain SQL identifier (PGlite prepares it by name in SQL)', () => {
    expect(() => namedStatement('x; DROP TABLE tickets', 'SELECT 1')).toThrow(/lower-case SQL identifier/);
  });

  it('refuses one name for two texts: the server would run the first text for both', () => {
    namedStatement('test_clash', 'SELECT 1');
    expect(() => namedStatement('test_clash', 'SELECT 2')).toThrow(/already used for another text/);
  });
});
