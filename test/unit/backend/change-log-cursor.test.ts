import { describe, expect, it } from 'vitest';
import { encodeCursor, isChangeLogCursor } from '../../../src-backend/sync/sync-cursor';

describe('isChangeLogCursor', () => {
  it('tells a change-log cursor (pulled in waves) from a first sync (walked alone)', () => {
    expect(isChangeLogCursor(encodeCursor({ v: 1, k: 'c', x: '756', s: 19 }))).toBe(true);
    expect(isChangeLogCursor(encodeCursor({ v: 2, k: 'i', w: '700', r: 3, a: null, d: 4_000, t: 9_000 }))).toBe(false);
    expect(isChangeLogCursor(undefined)).toBe(false);
  });

  it('says no to anything malformed instead of throwing: the read reports it', () => {
    expect(isChangeLogCursor('not a cursor')).toBe(false);
    expect(isChangeLogCursor(Buffer.from('{"v":1,"k":"c"}').toString('base64url'))).toBe(false);
  });
});
