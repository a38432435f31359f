import type { MutationResult } from '@shared/contract';

export type Rejection = Extract<MutationResult, { ok: false }>['error'];

/** What applying one action did: the ticket's new version, or why it was refused (nothing written). */
export type Outcome = { ok: true; ticketVersion: number } | { ok: false; error: Rejection };

export function rejected(code: Rejection['code'], message: string): Outcome {
  return { ok: false, error: { code, message } };
}
