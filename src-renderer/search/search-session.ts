import { liveQuery, type Subscription } from 'dexie';
import type { AgentCache } from '../db/cache-database';
import { IndexSync, type IndexProgress } from './index-sync';
import { runSearch, type SearchHit } from './run-search';
import type { TextIndexPort } from './text-index-port';
import { openTextIndex } from './worker-text-index';

export interface SearchSnapshot {
  progress: IndexProgress;
  /** Where the index runs; null while it starts. */
  where: 'worker' | 'page' | null;
  /** Why indexing stopped, in words, when it did. */
  error: string | null;
}

/** Pause between passes while the cache keeps changing (a first sync writes page after page). */
const PASS_SPACING_MS = 750;

/**
 * The index of one cache, built once and kept current for the app's lifetime (switching views
 * must not rebuild 100k tickets). A pass runs whenever the cache's row counts or sync position
 * change; passes never overlap, and changes during a pass schedule exactly one more.
 */
export class SearchSession {
  private snapshot: SearchSnapshot = { progress: { state: 'indexing', indexed: 0, total: 0 }, where: null, error: null };
  private readonly listeners = new Set<() => void>();
  private port: TextIndexPort | null = null;
  private sync: IndexSync | null = null;
  private watch: Subscription | null = null;
  private running = false;
  private dirty = false;

  constructor(
    private readonly db: AgentCache,
    open: () => Promise<{ port: TextIndexPort; where: 'worker' | 'page' }> = openTextIndex,
  ) {
    void open().then(({ port, where }) => {
      this.port = port;
      this.sync = new IndexSync(db, port, (progress) => this.update({ progress }));
      this.update({ where });
      this.watch = liveQuery(() => Promise.all([db.tickets.count(), db.messages.count(), db.meta.get('sync')])).subscribe({
        next: () => this.schedule(),
        error: (error: unknown) => this.update({ error: `the cache cannot be read (${String(error)})` }),
      });
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SearchSnapshot => this.snapshot;

  async search(query: string): Promise<SearchHit[]> {
    return this.port === null ? [] : runSearch(this.db, this.port, query);
  }

  /** Resolves once a pass has finished with nothing left to do (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.sync === null || this.running || this.dirty || this.snapshot.progress.state !== 'ready') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  dispose(): void {
    this.watch?.unsubscribe();
    this.port?.dispose();
  }

  private schedule(): void {
    if (this.running) {
      this.dirty = true;
      return;
    }
    void this.runPasses();
  }

  private async runPasses(): Promise<void> {
    this.running = true;
    try {
      do {
        this.dirty = false;
        await this.sync!.reconcile();
        if (this.dirty) await new Promise((resolve) => setTimeout(resolve, PASS_SPACING_MS));
      } while (this.dirty);
      this.update({ error: null });
    } catch (error) {
      this.update({ error: `indexing stopped: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      this.running = false;
    }
  }

  private update(change: Partial<SearchSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<AgentCache, SearchSession>();

/** The search session of `db`, started on first use. */
export function searchSessionOf(db: AgentCache): SearchSession {
  let session = sessions.get(db);
  if (session === undefined) sessions.set(db, (session = new SearchSession(db)));
  return session;
}
