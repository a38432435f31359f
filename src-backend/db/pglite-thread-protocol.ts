/**
 * Messages between the backend and the thread that runs its embedded PGlite database
 * (open-pglite.ts, pglite-thread.ts). Both ends are in this folder and ship together, so the
 * protocol is plain types: nothing outside the process speaks it.
 */

/** `tx` names the open transaction a statement belongs to; without it, the statement runs alone. */
export type PgliteRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[]; tx?: number; name?: string }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listener: number }
  | { id: number; op: 'close' };

/** A database error as plain data: its message and PostgreSQL's fields (`code` above all). */
export interface PgliteErrorData {
  message: string;
  fields: Record<string, string | number | boolean>;
}

export type PgliteMessage =
  | { kind: 'ready' }
  | { kind: 'failed'; error: PgliteErrorData }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: PgliteErrorData }
  | { kind: 'notify'; listener: number };

/** What the thread is started with. */
export interface PgliteThreadOptions {
  /** The data folder, or null for an in-memory database. */
  dataDir: string | null;
}

/** An error's message and every primitive own field (code, detail, constraint, ...). */
export function errorData(error: unknown): PgliteErrorData {
  const fields: Record<string, string | number | boolean> = {};
  if (typeof error === 'object' && error !== null) {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    }
  }
  return { message: error instanceof Error ? error.message : String(error), fields };
}

/** The error again, on this side: an Error with the same message and fields. */
export function errorFromData(data: PgliteErrorData): Error {
  return Object.assign(new Error(data.message), data.fields);
}
