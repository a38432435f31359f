import { z } from 'zod';

/** Errors cross process boundaries as values: a code to branch on and words for the engineer. */
export const ipcErrorSchema = z.object({ code: z.string().min(1).max(64), message: z.string().max(2_000) });
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: ipcErrorSchema })]);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
