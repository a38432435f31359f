import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RequestError } from '../support-center';

/**
 * Cursors are opaque to clients: base64url JSON and an HMAC over it, `<payload>.<tag>`. `initial`
 * walks the current rows rank by rank (open tickets first) and remembers the transaction horizon
 * it started at; `changes` is a position in the change log, (transaction id, sequence).
 *
 * The tag is why a cursor can be trusted as far as the database: a client cannot make one up (a
 * key with U+0000 in it, a transaction id past the xid8 range, a position in the future that
 * would skip every change up to it). Its key is derived from the login-detail key, which every
 * instance on one database already shares, so a cursor issued by one instance is good at any other.
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

const cursorSchema = z.union([initialCursorSchema, changesCursorSchema]);
export type SyncCursor = z.infer<typeof cursorSchema>;
export type InitialCursor = z.infer<typeof initialCursorSchema>;
export type ChangesCursor = z.infer<typeof changesCursorSchema>;

/** HKDF's `info`: this key signs cursors and nothing else, whatever else the master key derives. */
const CURSOR_KEY_INFO = 'support-center sync cursor v1';
/** 128 bits of HMAC-SHA256: out of reach of guessing, and keeps cursors short. */
const TAG_BYTES = 16;

/** Issues and checks this server's cursors. */
export interface CursorCodec {
  encode(cursor: SyncCursor): string;
  /** The cursor; throws RequestError 400 (`field: "cursor"`) for one this server did not issue. */
  decode(text: string): SyncCursor;
}

/** The codec keyed by `secret` (the login-detail key): instances with the same secret accept each other's cursors. */
export function createCursorCodec(secret: Buffer): CursorCodec {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), CURSOR_KEY_INFO, 32));
  const tagOf = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, TAG_BYTES);
  return {
    encode(cursor) {
      const payload = Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
      return `${payload}.${tagOf(payload).toString('base64url')}`;
    },
    decode(text) {
      const [payload, tag, ...rest] = text.split('.');
      const given = Buffer.from(tag ?? '', 'base64url');
      if (payload === undefined || rest.length > 0 || given.length !== TAG_BYTES || !timingSafeEqual(given, tagOf(payload))) throw notIssued();
      // Signed by this key, so it is ours; checked all the same, should a server ever sign a bad one.
      const parsed = cursorSchema.safeParse(payloadOf(text));
      if (!parsed.success) throw notIssued();
      return parsed.data;
    },
  };
}

const notIssued = () => new RequestError(400, 'bad-request', 'cursor: not a cursor this server issued; start a first sync again', 'cursor');

/** What a cursor says, unchecked (undefined when it is not even JSON). */
function payloadOf(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text.split('.')[0] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` looks like a cursor into the change log: where desktops pull in waves after a
 * change event, as opposed to a first sync, which one desktop walks alone. Only a hint for how
 * long to gather identical pulls, so the tag is not checked here: the read itself refuses a
 * cursor that is not ours, malformed or not.
 */
export function isChangeLogCursor(text: string | undefined): boolean {
  if (text === undefined) return false;
  return changesCursorSchema.safeParse(payloadOf(text)).success;
}
