import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCursorCodec, isChangeLogCursor } from '../../../src-backend/sync/sync-cursor';

const codec = createCursorCodec(randomBytes(32));

describe('isChangeLogCursor', () => {
  it('tells a change-log cursor (pulled in waves) from a first sync (walked alone)', () => {
    expect(isChangeLogCursor(codec.encode({ v: 1, k: 'c', x: '756', s: 19 }))).toBe(true);
    expect(isChangeLogCursor(codec.encode({ v: 2, k: 'i', w: '700', r: 3, a: null, d: 4_000, t: 9_000 }))).toBe(false);
    expect(isChangeLogCursor(undefined)).toBe(false);
  });

  it('says no to anything malformed instead of throwing: the read reports it', () => {
    expect(isChangeLogCursor('not a cursor')).toBe(false);
    expect(isChangeLogCursor(Buffer.from('{"v":1,"k":"c"}').toString('base64url'))).toBe(false);
  });
});

describe('cursor tags', () => {
  const cursor = { v: 1, k: 'c', x: '756', s: 19 } as const;

  it('decodes what a codec with the same key issued, at any instance', () => {
    const key = randomBytes(32);
    expect(createCursorCodec(key).decode(createCursorCodec(key).encode(cursor))).toEqual(cursor);
  });

  it('refuses a cursor of another key, and one without its tag', () => {
    const foreign = createCursorCodec(randomBytes(32)).encode(cursor);
    expect(() => codec.decode(foreign)).toThrow(expect.objectContaining({ status: 400, field: 'cursor' }));
    expect(() => codec.decode(foreign.split('.')[0] as string)).toThrow(expect.objectContaining({ status: 400, field: 'cursor' }));
  });
});
