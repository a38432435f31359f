import { z } from 'zod';
import { RequestError } from '../support-center';

/**
 * Cursors are opaque to clients: base64url JSON, validated on the way back in. `initial` walks the
 * current rows rank by rank (open tickets first) and remembers the transaction horizon it started
 * at; `changes` is a position in the change log, (transaction id, sequence).
 *
 * Initial cursors are version 2 since the ranks were reordered; a version-1 one, held by a client
 * that was in its first sync when the server was upgraded, starts that first sync over (rows carry
 * versions, so what the client already holds is simply confirmed).
 */
const initialCursorSchema = z.object({
  v: z.literal(2),
  k: z.literal('i'),
  /** Transaction horizon when the first sync began: the change log is replayed from here. */
  w: z.string().regex(/^\d{1,20}$/),
  /** Rank being walked, and the last key served in it. */
  r: z.number().int().min(0).max(100),
  a: z.array(z.string().max(128)).max(2).nullable(),
  d: z.number().int().nonnegative(),
  t: z.number().int().nonnegative(),
});

const changesCursorSchema = z.object({
  v: z.literal(1),
  k: z.literal('c'),
  x: z.string().regex(/^\d{1,20}$/),
  s: z.number().int().nonnegative(),
});

const legacyInitialCursorSchema = z.object({ v: z.literal(1), k: z.literal('i') });

const cursorSchema = z.union([initialCursorSchema, changesCursorSchema]);
export type SyncCursor = z.infer<typeof cursorSchema>;
export type InitialCursor = z.infer<typeof initialCursorSchema>;
export type ChangesCursor = z.infer<typeof changesCursorSchema>;

export function encodeCursor(cursor: SyncCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor, or null when the first sync must start over. */
export function decodeCursor(text: string): SyncCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new RequestError(400, 'bad-request', 'cursor: not a cursor this server issued', 'cursor');
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success && legacyInitialCursorSchema.safeParse(decoded).success) return null;
  if (!parsed.success) throw new RequestError(400, 'bad-request', 'cursor: not a cursor this server issued', 'cursor');
  return parsed.data;
}

/**
 * Whether `text` is a cursor into the change log: where desktops pull in waves after a change
 * event, as opposed to a first sync, which one desktop walks alone. False for anything else,
 * malformed cursors included (the read itself reports those).
 */
export function isChangeLogCursor(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    return decodeCursor(text)?.k === 'c';
  } catch {
    return false;
  }
}
