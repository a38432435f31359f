import { intersectDescending } from './posting-lists';
import { searchTokens } from './search-tokens';

/** A text of a ticket to index: its subject, or one message body. */
export interface TicketText {
  ticketId: string;
  text: string;
}

/** Compact once removed documents are this share of all documents (and at least this many). */
const COMPACT_SHARE = 0.25;
const COMPACT_MIN = 10_000;

/**
 * The full-text index of cached tickets: an inverted index with one document per text (a
 * subject, a message), so every word of a query must occur in the same subject or message.
 * Documents get ascending integer numbers, so posting lists stay sorted by construction and a
 * query intersects them from the rarest word, newest text first.
 *
 * Why not a library: FlexSearch was tried first, on the 100k-ticket demo corpus of the search
 * bench (test/bench/search.bench.ts). Its `append` scans whole posting lists (quadratic), and
 * its AND of two common words took up to 1.4 s (p95 of 200 two-word queries), because it walks
 * every posting of every term through an object keyed by id. MiniSearch scores every posting of
 * every term too. Support text is template-heavy, so common words are the usual case; the
 * rarest-first intersection below answers the same queries in well under a millisecond.
 *
 * Pure in-memory state with no I/O: the same class runs in the search worker and, where no
 * worker can start, in the page.
 */
export class TicketTextIndex {
  private readonly postings = new Map<string, number[]>();
  /** Document number -> ticket; undefined once removed. */
  private ticketOf: Array<string | undefined> = [];
  private readonly docsOf = new Map<string, number[]>();
  private removed = 0;

  /** Tickets with at least one text in the index. */
  get size(): number {
    return this.docsOf.size;
  }

  add(entries: readonly TicketText[]): void {
    for (const { ticketId, text } of entries) {
      const doc = this.ticketOf.length;
      this.ticketOf.push(ticketId);
      const docs = this.docsOf.get(ticketId);
      if (docs === undefined) this.docsOf.set(ticketId, [doc]);
      else docs.push(doc);
      for (const term of new Set(searchTokens(text))) {
        const list = this.postings.get(term);
        if (list === undefined) this.postings.set(term, [doc]);
        else list.push(doc);
      }
    }
  }

  /** Removes every text of these tickets. */
  remove(ticketIds: readonly string[]): void {
    for (const ticketId of ticketIds) {
      for (const doc of this.docsOf.get(ticketId) ?? []) {
        this.ticketOf[doc] = undefined;
        this.removed += 1;
      }
      this.docsOf.delete(ticketId);
    }
    if (this.removed >= COMPACT_MIN && this.removed >= this.ticketOf.length * COMPACT_SHARE) this.compact();
  }

  /** Ids of tickets with a subject or message containing every word of `query`, newest text first. */
  search(query: string, limit: number): string[] {
    const terms = [...new Set(searchTokens(query))];
    if (terms.length === 0 || limit <= 0) return [];
    const lists: number[][] = [];
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list === undefined) return [];
      lists.push(list);
    }
    const ids = new Set<string>();
    intersectDescending(lists, (doc) => {
      const ticketId = this.ticketOf[doc];
      if (ticketId !== undefined) ids.add(ticketId);
      return ids.size < limit;
    });
    return [...ids];
  }

  /** Drops removed documents from every posting list, renumbering nothing (lists stay sorted). */
  private compact(): void {
    for (const [term, list] of this.postings) {
      const kept = list.filter((doc) => this.ticketOf[doc] !== undefined);
      if (kept.length === 0) this.postings.delete(term);
      else this.postings.set(term, kept);
    }
    this.removed = 0;
  }
}
