import { firstResponseDue, presets } from '../../src-shared/policy/index';
import type { SampleTicket } from './sample-tickets';

export type DueResult =
  | { readonly ok: true; readonly dueAt: string }
  | { readonly ok: false; readonly error: { readonly code: 'policy-error'; readonly message: string } };

export interface PreviewRow {
  readonly ticket: SampleTicket;
  readonly due: DueResult;
}

/** One bad ticket must not blank the whole preview, so each row carries its own result. */
export function computePreviewRows(tickets: readonly SampleTicket[]): PreviewRow[] {
  const policy = presets.planSla();
  return tickets.map((ticket) => ({ ticket, due: dueFor(() => firstResponseDue(policy, ticket.input)) }));
}

function dueFor(compute: () => string): DueResult {
  try {
    return { ok: true, dueAt: compute() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'policy-error', message } };
  }
}
