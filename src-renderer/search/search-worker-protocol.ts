import type { TicketText } from './ticket-text-index';

/** Messages between the page and the search worker (one build, one file declares both sides). */
export type WorkerRequest =
  | { id: number; op: 'ping' }
  | { id: number; op: 'add'; entries: TicketText[] }
  | { id: number; op: 'remove'; ticketIds: string[] }
  | { id: number; op: 'search'; query: string; limit: number };

/** Errors are values here too: a failed request answers with its message, never silence. */
export type WorkerResponse =
  | { id: number; ok: true; ticketIds?: string[] }
  | { id: number; ok: false; error: { code: 'index-failed'; message: string } };
