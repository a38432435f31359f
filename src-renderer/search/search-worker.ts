import type { WorkerRequest, WorkerResponse } from './search-worker-protocol';
import { TicketTextIndex } from './ticket-text-index';

/** The search worker: holds the index off the page's thread, so indexing never freezes the UI. */
const index = new TicketTextIndex();

function handle(request: WorkerRequest): WorkerResponse {
  switch (request.op) {
    case 'ping':
      return { id: request.id, ok: true };
    case 'add':
      index.add(request.entries);
      return { id: request.id, ok: true };
    case 'remove':
      index.remove(request.ticketIds);
      return { id: request.id, ok: true };
    case 'search':
      return { id: request.id, ok: true, ticketIds: index.search(request.query, request.limit) };
  }
}

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerResponse): void;
};

scope.addEventListener('message', (event) => {
  let response: WorkerResponse;
  try {
    response = handle(event.data);
  } catch (error) {
    response = { id: event.data.id, ok: false, error: { code: 'index-failed', message: error instanceof Error ? error.message : String(error) } };
  }
  scope.postMessage(response);
});
