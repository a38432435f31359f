import type { AgentCache } from '../db/cache-database';
import type { TextIndexPort } from './text-index-port';
import type { TicketText } from './ticket-text-index';

/** Rows read from the cache per step: small enough to keep each read and each hand-off short. */
const CHUNK = 2_000;

export interface IndexProgress {
  state: 'indexing' | 'ready';
  /** Subjects and messages in the index. */
  indexed: number;
  /** Subjects and messages in the cache at the last pass. */
  total: number;
}

function subjectText(ticket: { number: number; subject: string }): string {
  return `${ticket.number} ${ticket.subject}`;
}

/**
 * Keeps the search index equal to the cache, incrementally. The cache gives no change feed of its
 * own and its schema is not ours to extend, so each pass compares the primary keys in the cache
 * with what is indexed: keys alone are cheap to read, and only new rows are read in full. Tickets
 * are immutable in what is indexed (number, subject; no mutation edits them) and so are message
 * bodies, so a new key is the only change that adds text. A vanished key (a purge, a deleted
 * row, a local reply replaced by the server's copy) rebuilds that ticket's document.
 */
export class IndexSync {
  /** Tickets whose subject is in the index. */
  private readonly subjects = new Set<string>();
  /** Indexed message id -> its ticket. */
  private readonly messages = new Map<string, string>();
  private progress: IndexProgress = { state: 'indexing', indexed: 0, total: 0 };

  constructor(
    private readonly db: AgentCache,
    private readonly port: TextIndexPort,
    private readonly onProgress: (progress: IndexProgress) => void = () => {},
  ) {}

  get current(): IndexProgress {
    return this.progress;
  }

  /** One pass: afterwards the index holds exactly the cache's tickets and messages as read. */
  async reconcile(): Promise<void> {
    const [ticketKeys, messageKeys] = await Promise.all([
      this.db.tickets.toCollection().primaryKeys(),
      this.db.messages.toCollection().primaryKeys(),
    ]);
    this.report('indexing', ticketKeys.length + messageKeys.length);
    await this.dropStale(new Set(ticketKeys), new Set(messageKeys));
    await this.addSubjects(ticketKeys.filter((id) => !this.subjects.has(id)));
    await this.addMessages(messageKeys.filter((id) => !this.messages.has(id)));
    this.report('ready', ticketKeys.length + messageKeys.length);
  }

  private async dropStale(tickets: Set<string>, messages: Set<string>): Promise<void> {
    const stale = new Set<string>();
    for (const id of this.subjects) if (!tickets.has(id)) stale.add(id);
    for (const [id, ticketId] of this.messages) if (!messages.has(id)) stale.add(ticketId);
    if (stale.size === 0) return;
    await this.port.remove([...stale]);
    // Forgetting them is enough: the passes below re-add whatever of them is still cached.
    for (const id of stale) this.subjects.delete(id);
    for (const [id, ticketId] of this.messages) if (stale.has(ticketId)) this.messages.delete(id);
  }

  private async addSubjects(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.tickets.bulkGet(ids.slice(i, i + CHUNK));
      const entries: TicketText[] = [];
      for (const row of rows) {
        if (row === undefined) continue; // deleted since the keys were read: the next pass sees it
        entries.push({ ticketId: row.id, text: subjectText(row) });
        this.subjects.add(row.id);
      }
      await this.port.add(entries);
      this.report('indexing', this.progress.total);
    }
  }

  private async addMessages(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.messages.bulkGet(ids.slice(i, i + CHUNK));
      const entries: TicketText[] = [];
      for (const row of rows) {
        if (row === undefined) continue;
        entries.push({ ticketId: row.ticketId, text: row.body });
        this.messages.set(row.id, row.ticketId);
      }
      await this.port.add(entries);
      this.report('indexing', this.progress.total);
    }
  }

  private report(state: IndexProgress['state'], total: number): void {
    this.progress = { state, indexed: this.subjects.size + this.messages.size, total };
    this.onProgress(this.progress);
  }
}
