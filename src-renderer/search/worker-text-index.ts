import type { WorkerRequest, WorkerResponse } from './search-worker-protocol';
import { InlineTextIndex, type TextIndexPort } from './text-index-port';
import type { TicketText } from './ticket-text-index';

type Pending = { resolve: (ids: string[]) => void; reject: (error: Error) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** How long a worker gets to answer its first message before the page indexes by itself. */
const START_TIMEOUT_MS = 5_000;

/** The index in a dedicated worker (CSP: `worker-src 'self'`; Vite bundles the worker file). */
class WorkerTextIndex implements TextIndexPort {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.settle(event.data));
    worker.addEventListener('error', (event) => this.failAll(event.message || 'the search worker stopped'));
  }

  private settle(response: WorkerResponse): void {
    const waiting = this.pending.get(response.id);
    if (waiting === undefined) return;
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.ticketIds ?? []);
    else waiting.reject(new Error(`search index: ${response.error.message}`));
  }

  private failAll(message: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new Error(`search index: ${message}`));
    this.pending.clear();
  }

  request(body: RequestBody): Promise<string[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  async add(entries: TicketText[]): Promise<void> {
    await this.request({ op: 'add', entries });
  }

  async remove(ticketIds: string[]): Promise<void> {
    await this.request({ op: 'remove', ticketIds });
  }

  search(query: string, limit: number): Promise<string[]> {
    return this.request({ op: 'search', query, limit });
  }

  dispose(): void {
    this.failAll('closed');
    this.worker.terminate();
  }
}

/**
 * A worker-backed index, or the in-page one where workers cannot start (a CSP without
 * `worker-src`, a file: origin that refuses module workers): search must work either way.
 */
export async function openTextIndex(): Promise<{ port: TextIndexPort; where: 'worker' | 'page' }> {
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search-index' });
    const port = new WorkerTextIndex(worker);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), START_TIMEOUT_MS);
    });
    await Promise.race([port.request({ op: 'ping' }), timeout]).finally(() => clearTimeout(timer));
    return { port, where: 'worker' };
  } catch {
    worker?.terminate();
    return { port: new InlineTextIndex(), where: 'page' };
  }
}
