import type { Server } from 'node:http';

/**
 * What a graceful close needs to know that `http.Server` does not track: whether the server is
 * stopping (responses then say `Connection: close`), and the open event streams, which would
 * otherwise keep their connections, and the close, waiting forever.
 */
export class ServerLifecycle {
  stopping = false;
  private readonly streams = new Set<() => void>();

  /** Registers a stream's `end`; returns the function that forgets it once it has closed. */
  addStream(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  endStreams(): void {
    for (const end of [...this.streams]) end();
    this.streams.clear();
  }
}

const lifecycles = new WeakMap<Server, ServerLifecycle>();

export function attachLifecycle(server: Server): ServerLifecycle {
  const lifecycle = new ServerLifecycle();
  lifecycles.set(server, lifecycle);
  return lifecycle;
}

/**
 * Stops accepting connections, ends event streams (their clients reconnect, through the load
 * balancer, to another instance), lets requests in flight finish, and resolves once every
 * connection is closed. After `graceMs` the remaining connections are cut. With `drainMs`, the
 * server first says 503 on readiness for that long while still serving, so a load balancer has
 * taken it out of rotation before its listener closes.
 */
export async function closeHttpServer(server: Server, options: { graceMs?: number; drainMs?: number } = {}): Promise<void> {
  const lifecycle = lifecycles.get(server);
  if (lifecycle) lifecycle.stopping = true;
  if ((options.drainMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, options.drainMs));
  const closed = new Promise<void>((resolve) => {
    // An error here only says the server was not listening; there is nothing left to wait for.
    server.close(() => resolve());
  });
  lifecycle?.endStreams();
  // A keep-alive connection turns idle when its last response is out; close it then, not after
  // the keep-alive timeout.
  const sweeper = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
  server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(sweeper);
    clearTimeout(deadline);
  }
}
