import type { SupportCenter } from '../support-center';
import { coalesce } from './coalesce';
import type { Logger } from '@shared/json-log';
import { pacedBroadcast } from './paced-broadcast';

/** A burst of writes (a batch of mutations, a termination) becomes one event. */
export const COALESCE_MS = 50;
/**
 * Every event makes every desktop on this instance pull a page, so under a steady stream of writes
 * the events are spaced by the number of open streams: this many milliseconds each (100 streams:
 * at most one event a second). An event after a quiet spell still goes out at once.
 */
export const SPACING_PER_STREAM_MS = 10;
/**
 * After a write is heard, the cursor may not move yet: an older transaction still running holds
 * the sync horizon back (see docs/api.md, "Cursors and concurrent writers"). Look again after
 * these delays, so the event follows once the horizon passes even if that transaction never NOTIFYs.
 */
const RECHECK_MS = [50, 100, 200, 400, 800, 1_600];
/**
 * An event reaches the streams of this instance in slices this many apart in time. The pulls of
 * one slice still arrive together and share one read (batched-reads.ts), while an engineer's
 * action waits behind one slice of pulls, not behind the whole wave. 100 streams: the last slice
 * goes out 200 ms after the first.
 */
export const STREAMS_PER_SLICE = 20;
export const SLICE_GAP_MS = 50;

/**
 * One per HTTP server: hears every committed write (of any instance, through the center's
 * LISTEN), reads the latest cursor once per burst, and hands it to every open event stream. The
 * database work per write is then one query per instance, however many streams are open.
 */
export class ChangeFeed {
  private readonly streams = new Set<(cursor: string) => void>();
  private readonly broadcast = pacedBroadcast<string>(STREAMS_PER_SLICE, SLICE_GAP_MS);
  private readonly refresh = coalesce(
    () => this.read(),
    () => Math.max(COALESCE_MS, this.streams.size * SPACING_PER_STREAM_MS),
  );
  private unsubscribe: (() => void) | null = null;
  private lastCursor: string | null = null;
  private recheck: NodeJS.Timeout | null = null;
  private rechecks = 0;

  constructor(
    private readonly center: SupportCenter,
    private readonly logger: Logger,
  ) {}

  /** Starts sending `send` the cursor after each write; returns the function that stops it. */
  subscribe(send: (cursor: string) => void): () => void {
    this.streams.add(send);
    this.unsubscribe ??= this.center.onChange(() => {
      this.rechecks = 0;
      this.refresh.trigger();
    });
    return () => {
      this.streams.delete(send);
      if (this.streams.size === 0) this.stop();
    };
  }

  private async read(): Promise<void> {
    let cursor: string;
    try {
      cursor = await this.center.latestCursor();
    } catch (error) {
      this.logger.error('reading the latest cursor for change events failed', { error });
      this.scheduleRecheck();
      return;
    }
    if (cursor === this.lastCursor) {
      this.scheduleRecheck();
      return;
    }
    this.lastCursor = cursor;
    this.broadcast.send([...this.streams], cursor);
  }

  private scheduleRecheck(): void {
    const delay = RECHECK_MS[this.rechecks];
    if (delay === undefined || this.recheck !== null || this.streams.size === 0) return;
    this.rechecks++;
    this.recheck = setTimeout(() => {
      this.recheck = null;
      this.refresh.trigger();
    }, delay);
  }

  private stop(): void {
    this.broadcast.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.recheck !== null) clearTimeout(this.recheck);
    this.recheck = null;
  }
}
