import { parentPort, workerData } from 'node:worker_threads';
import { openLoadDesktop, type LoadStats } from './load-desktop';

/** What the load bench hands its desktops' thread. */
export interface DesktopsRequest {
  targets: Array<{ base: string; token: string }>;
}
/** Main thread to this one, once the mutations are pushed: wait for this many arrivals, bounded. */
export interface SettleMessage {
  expected: number;
  timeoutMs: number;
}
export type DesktopsMessage =
  | { kind: 'ready' }
  | { kind: 'done'; stats: Omit<LoadStats, 'failures'> & { failures: string[]; streamsAtEnd: number } }
  | { kind: 'failed'; error: string };

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

/**
 * The load bench's desktops, in a thread of their own: their parsing and bookkeeping then does not
 * delay the main thread's pushes and the timing of their answers, as real desktops on other
 * machines would not (they still share the cores).
 */
async function run(request: DesktopsRequest): Promise<void> {
  const port = parentPort as NonNullable<typeof parentPort>;
  const stats: LoadStats = { syncMs: [], arrivalMs: [], events: 0, streamsOpen: 0, failures: new Set() };
  const desktops: Array<{ close(): void }> = [];
  // Twenty at a time: 200 connections at once would measure the accept queue, not the backend.
  for (let i = 0; i < request.targets.length; i += 20) {
    const batch = request.targets.slice(i, i + 20);
    desktops.push(...(await Promise.all(batch.map((target) => openLoadDesktop(target.base, target.token, stats)))));
  }
  const settle = new Promise<SettleMessage>((resolve) => port.once('message', resolve));
  port.postMessage({ kind: 'ready' } satisfies DesktopsMessage);
  const { expected, timeoutMs } = await settle;
  const until = Date.now() + timeoutMs;
  while (stats.arrivalMs.length < expected && Date.now() < until) await sleep(100);
  const streamsAtEnd = stats.streamsOpen;
  for (const desktop of desktops) desktop.close();
  port.postMessage({ kind: 'done', stats: { ...stats, failures: [...stats.failures], streamsAtEnd } } satisfies DesktopsMessage);
}

run(workerData as DesktopsRequest).catch((error: unknown) => {
  parentPort?.postMessage({ kind: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DesktopsMessage);
});
