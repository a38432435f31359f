import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy that injects faults into real connections: it cuts a response after a
 * chosen number of bytes, or stalls it (holds the bytes, so the client's timeout fires), or lets it
 * through. The fault for each new connection comes from `nextFault`, so a seeded test decides it.
 */
export type ProxyFault = { kind: 'pass' } | { kind: 'cut'; afterBytes: number } | { kind: 'stall'; afterBytes: number } | { kind: 'refuse' };

export interface FaultProxy {
  url: string;
  port: number;
  /** Points new connections at another port (the backend restarted elsewhere). */
  retarget(port: number): void;
  /** Cuts every open connection now. */
  cutAll(): void;
  stats: { connections: number; cut: number; stalled: number; refused: number };
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number, nextFault: () => ProxyFault): Promise<FaultProxy> {
  let target = targetPort;
  const sockets = new Set<Socket>();
  const stats = { connections: 0, cut: 0, stalled: 0, refused: 0 };
  const server: Server = createServer((client) => {
    stats.connections++;
    const fault = nextFault();
    if (fault.kind === 'refuse') {
      stats.refused++;
      client.destroy();
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    const forget = (): void => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    let sent = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (fault.kind === 'pass' || sent + chunk.length <= fault.afterBytes) {
        sent += chunk.length;
        client.write(chunk);
        return;
      }
      const head = chunk.subarray(0, Math.max(0, fault.afterBytes - sent));
      sent = fault.afterBytes;
      if (head.length > 0) client.write(head);
      upstream.pause();
      if (fault.kind === 'cut') {
        stats.cut++;
        forget();
      } else {
        // Stalled: keep both sockets open and silent; the client's own timeout ends it.
        stats.stalled++;
        upstream.removeAllListeners('data');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    retarget(next) {
      target = next;
    },
    cutAll() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
