import { parentPort, workerData } from 'node:worker_threads';
import { syncPageSchema, type SyncPage } from '@shared/contract';

/**
 * The client side of the serving benchmark, in a worker thread of its own: it reads every page of a
 * first sync as a client would (request, body, JSON, next cursor) while the backend has the main
 * thread to itself, as it would in production. Pages are checked against the contract after the
 * run, off the clock.
 */
export interface ServeClientRequest {
  base: string;
  token: string;
  limit: number;
}

export interface ServeClientResult {
  /** Request sent until the whole body was in, per page. */
  latencies: number[];
  changes: number;
  seconds: number;
  /** When the first page past `initial-open` had arrived. */
  openDoneMs: number;
  /** Contract violations, by page. */
  invalid: string[];
}

async function run({ base, token, limit }: ServeClientRequest): Promise<ServeClientResult> {
  const latencies: number[] = [];
  const texts: string[] = [];
  let changes = 0;
  let openDoneMs = 0;
  let cursor: string | undefined;
  const started = performance.now();
  for (;;) {
    const pageStart = performance.now();
    const response = await fetch(`${base}/v1/sync?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    latencies.push(performance.now() - pageStart);
    if (!response.ok) throw new Error(`page ${texts.length + 1}: HTTP ${response.status} ${text.slice(0, 300)}`);
    texts.push(text);
    const page = JSON.parse(text) as SyncPage;
    changes += page.changes.length;
    if (openDoneMs === 0 && page.phase !== 'initial-open') openDoneMs = performance.now() - started;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const invalid: string[] = [];
  texts.forEach((text, i) => {
    const checked = syncPageSchema.safeParse(JSON.parse(text));
    if (!checked.success) invalid.push(`page ${i + 1}: ${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
  });
  return { latencies, changes, seconds, openDoneMs, invalid };
}

run(workerData as ServeClientRequest).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
);
