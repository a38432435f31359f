import { TicketTextIndex, type TicketText } from './ticket-text-index';

/**
 * The index as the page sees it: asynchronous, so it can live in a worker. `InlineTextIndex` is
 * the fallback where a worker cannot start (and what unit tests use): it adds in small slices and
 * yields between them, so indexing never holds the page for long.
 */
export interface TextIndexPort {
  add(entries: TicketText[]): Promise<void>;
  remove(ticketIds: string[]): Promise<void>;
  search(query: string, limit: number): Promise<string[]>;
  dispose(): void;
}

const INLINE_SLICE = 250;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class InlineTextIndex implements TextIndexPort {
  readonly index = new TicketTextIndex();

  async add(entries: TicketText[]): Promise<void> {
    for (let i = 0; i < entries.length; i += INLINE_SLICE) {
      if (i > 0) await nextTask();
      this.index.add(entries.slice(i, i + INLINE_SLICE));
    }
  }

  async remove(ticketIds: string[]): Promise<void> {
    this.index.remove(ticketIds);
  }

  async search(query: string, limit: number): Promise<string[]> {
    return this.index.search(query, limit);
  }

  dispose(): void {}
}
