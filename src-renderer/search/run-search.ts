import type { AgentCache } from '../db/cache-database';
import type { CachedMessage, CachedTicket } from '../db/cache-rows';
import { ticketMessages } from '../db/queries';
import { parseQuery } from './search-tokens';
import { buildSnippet, matchScore, type SnippetPart } from './snippet';
import type { TextIndexPort } from './text-index-port';

export interface SearchHit {
  ticketId: string;
  number: number;
  subject: string;
  status: CachedTicket['status'];
  createdAt: string;
  /** Where the snippet comes from. */
  source: { kind: 'subject' } | { kind: 'message'; authorName: string; createdAt: string };
  snippet: SnippetPart[];
}

export const RESULT_LIMIT = 50;
/** A phrase is checked against the text after the index matched its words: ask for more. */
const PHRASE_CANDIDATES = 400;

type Candidate = { text: string; source: SearchHit['source'] };

function candidatesOf(ticket: CachedTicket, messages: CachedMessage[]): Candidate[] {
  return [
    { text: ticket.subject, source: { kind: 'subject' } },
    ...messages.map((m): Candidate => ({ text: m.body, source: { kind: 'message', authorName: m.authorName, createdAt: m.createdAt } })),
  ];
}

function about(ticket: CachedTicket): Pick<SearchHit, 'ticketId' | 'number' | 'subject' | 'status' | 'createdAt'> {
  return { ticketId: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, createdAt: ticket.createdAt };
}

/** The subject or message that best shows why the ticket matched, as a highlighted snippet. */
export function bestSnippet(ticket: CachedTicket, messages: CachedMessage[], query: string): SearchHit | null {
  const { terms, phrase } = parseQuery(query);
  let best: { candidate: Candidate; score: number } | null = null;
  for (const candidate of candidatesOf(ticket, messages)) {
    const match = matchScore(candidate.text, terms, phrase);
    const score = (match.phrase ? 1_000 : 0) + match.terms;
    if (match.terms > 0 && (best === null || score > best.score)) best = { candidate, score };
  }
  if (best === null && phrase === null && terms.includes(String(ticket.number))) {
    return { ...about(ticket), source: { kind: 'subject' }, snippet: [{ text: ticket.subject, hit: false }] };
  }
  if (best === null || (phrase !== null && best.score < 1_000)) return null;
  const snippet = buildSnippet(best.candidate.text, terms, phrase);
  if (snippet === null) return null;
  return { ...about(ticket), source: best.candidate.source, snippet };
}

/**
 * Runs a query: the index picks the tickets, the cache supplies what is shown (so a result never
 * shows text the cache no longer holds), and a quoted phrase is checked word for word. Beyond
 * `limit` matches the index's pick is by indexing order, so the count says "50+": refine.
 */
export async function runSearch(db: AgentCache, port: TextIndexPort, query: string, limit = RESULT_LIMIT): Promise<SearchHit[]> {
  const { terms, phrase } = parseQuery(query);
  if (terms.length === 0) return [];
  const ids = await port.search(terms.join(' '), phrase === null ? limit : PHRASE_CANDIDATES);
  if (ids.length === 0) return [];
  const [tickets, conversations] = await Promise.all([db.tickets.bulkGet(ids), Promise.all(ids.map((id) => ticketMessages(db, id)))]);
  const byTicket = new Map<string, CachedMessage[]>(ids.map((id, i) => [id, conversations[i] ?? []]));
  const hits: SearchHit[] = [];
  for (const ticket of tickets) {
    if (ticket === undefined) continue;
    const hit = bestSnippet(ticket, byTicket.get(ticket.id) ?? [], query);
    if (hit !== null) hits.push(hit);
  }
  // Newest ticket first: the order an engineer scans history in.
  return hits.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number).slice(0, limit);
}
