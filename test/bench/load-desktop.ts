import { changesEventSchema, type SyncPage } from '@shared/contract';

export interface LoadStats {
  syncMs: number[];
  /** Push-to-arrival times of the bench's notes (their body carries the push time). */
  arrivalMs: number[];
  events: number;
  streamsOpen: number;
  failures: Set<string>;
}

/**
 * A desktop as the load sees it: an event stream, and a pull from its cursor whenever an event
 * carries another cursor, one pull at a time (a pull asked for meanwhile runs once more after), as
 * the desktop's sync engine does. It starts up to date: from the cursor of the stream's first event.
 */
export async function openLoadDesktop(base: string, token: string, stats: LoadStats): Promise<{ close(): void }> {
  const controller = new AbortController();
  const state = { cursor: '', syncing: false, again: false };
  const response = await fetch(`${base}/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (response.status !== 200 || response.body === null) throw new Error(`events answered ${response.status}`);
  stats.streamsOpen++;
  const pull = async (): Promise<void> => {
    if (state.syncing) {
      state.again = true;
      return;
    }
    state.syncing = true;
    try {
      do {
        state.again = false;
        await pullAll(base, token, state, stats);
      } while (state.again);
    } catch (error) {
      stats.failures.add(`sync: ${String((error as { cause?: unknown }).cause ?? error)}`);
    } finally {
      state.syncing = false;
    }
  };
  await new Promise<void>((ready) => {
    void readCursors(response.body as ReadableStream<Uint8Array>, (cursor) => {
      if (state.cursor === '') {
        state.cursor = cursor;
        ready();
      } else if (cursor !== state.cursor) {
        stats.events++;
        void pull();
      }
    }).finally(() => stats.streamsOpen--);
  });
  return { close: () => controller.abort() };
}

async function pullAll(base: string, token: string, state: { cursor: string }, stats: LoadStats): Promise<void> {
  for (let more = true; more; ) {
    const started = performance.now();
    const response = await fetch(`${base}/v1/sync?limit=500&cursor=${encodeURIComponent(state.cursor)}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    stats.syncMs.push(performance.now() - started);
    if (!response.ok) throw new Error(`sync answered ${response.status}: ${text}`);
    const now = Date.now();
    // The desktops share the backend's cores here, which real ones do not: a scan for what the
    // bench needs costs them far less than parsing every page whole.
    for (const match of text.matchAll(/"body":"load (\d+)"/g)) stats.arrivalMs.push(now - Number(match[1]));
    const page = envelopeOf(text);
    state.cursor = page.cursor;
    more = page.hasMore;
  }
}

/** The page's cursor and hasMore, scanned from the text; parsed whole if the scan finds nothing. */
function envelopeOf(text: string): Pick<SyncPage, 'cursor' | 'hasMore'> {
  const cursor = /"cursor":"([A-Za-z0-9_-]+)"/.exec(text.slice(text.lastIndexOf('"cursor"')))?.[1];
  const hasMore = /"hasMore":(true|false)/.exec(text.slice(text.lastIndexOf('"hasMore"')))?.[1];
  if (cursor !== undefined && hasMore !== undefined) return { cursor, hasMore: hasMore === 'true' };
  return JSON.parse(text) as SyncPage;
}

/** Calls `onCursor` for every `changes` event until the stream ends or is aborted. */
async function readCursors(body: ReadableStream<Uint8Array>, onCursor: (cursor: string) => void): Promise<void> {
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (block.startsWith('event: changes') && data !== undefined) onCursor(changesEventSchema.parse(JSON.parse(data)).cursor);
      }
    }
  } catch {
    // aborted at the end of the run
  }
}
