import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy that injects faults into real connections. It knows just enough HTTP/1.1
 * to give every request its own connection (it adds `Connection: close` to each request, so the
 * client's keep-alive pool never carries two requests over one faulted or one clean connection),
 * and to find where a response's head ends and how long its body is.
 *
 * The fault of each request comes from `nextFault`, asked once its head has arrived (so a test
 * can aim at a method or path), and a seeded test decides it:
 * - `pass`: forwarded untouched;
 * - `refuse`: closed as soon as the request head has arrived, nothing forwarded;
 * - `cut-request`: only the first `afterBytes` bytes of the request reach the backend, then both
 *   sides are closed (a large `afterBytes` delivers the whole request: the backend acts on it and
 *   the client never hears back);
 * - `cut`: the response is cut after `afterBytes` bytes (0: the backend acted, no answer came);
 * - `cut-at`: the response is cut at `fraction` of its full length (head + Content-Length), so
 *   "a random point of a page" is a random point whatever the page's size;
 * - `stall`: the response stops after `afterBytes` bytes and the connection stays open and
 *   silent, so only the client's own timeout ends it;
 * - `answer`: a canned response (a 500, an HTML error page, a malformed body...) instead of the
 *   backend's; with `forward`, the request still reaches the backend first and its answer is
 *   thrown away (the action happened, the client sees a failure);
 * - `oversized`: a 200 whose body is `bytes` long, declared in Content-Length or streamed
 *   without one, never from the backend;
 * - `rewrite`: the backend's response with its body replaced by `body(original)` (and the
 *   Content-Length fixed), e.g. a real sync page made malformed.
 */
export type ProxyFault =
  | { kind: 'pass' }
  | { kind: 'refuse' }
  | { kind: 'cut-request'; afterBytes: number }
  | { kind: 'cut'; afterBytes: number }
  | { kind: 'cut-at'; fraction: number }
  | { kind: 'stall'; afterBytes: number }
  | { kind: 'answer'; status: number; body: string; contentType?: string; forward: boolean }
  | { kind: 'oversized'; bytes: number; declareLength: boolean }
  | { kind: 'rewrite'; body: (original: Buffer) => Buffer | string };

export type ProxyFaultKind = ProxyFault['kind'];

export interface FaultProxy {
  url: string;
  port: number;
  /** Points new connections at another port (the backend restarted elsewhere). */
  retarget(port: number): void;
  /** Cuts every open connection now. */
  cutAll(): void;
  /** Connections accepted, and how many got each fault. */
  stats: { connections: number; byKind: Record<ProxyFaultKind, number> };
  /** Sockets (client and backend side) not closed yet. */
  openSockets(): number;
  close(): Promise<void>;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD_BYTES = 64 * 1024;

/** The request head with any Connection header replaced by `Connection: close`. */
function closingRequestHead(head: Buffer): Buffer {
  const lines = head.toString('latin1').split('\r\n');
  const kept = lines.filter((line, i) => i === 0 || !/^connection\s*:/i.test(line));
  kept.splice(1, 0, 'Connection: close');
  return Buffer.from(kept.join('\r\n'), 'latin1');
}

function contentLengthOf(head: Buffer): number | null {
  const match = /\r\ncontent-length\s*:\s*(\d+)/i.exec(head.toString('latin1'));
  return match === null ? null : Number(match[1]);
}

/** Splits off a message head (through the blank line); null while it is incomplete. */
function splitHead(bytes: Buffer): { head: Buffer; rest: Buffer } | null {
  const end = bytes.indexOf(HEAD_END);
  if (end < 0) return null;
  return { head: bytes.subarray(0, end + HEAD_END.length), rest: bytes.subarray(end + HEAD_END.length) };
}

const REASONS: Record<number, string> = { 200: 'OK', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function responseHead(status: number, headers: Record<string, string | number>): string {
  const lines = [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function emptyStats(): Record<ProxyFaultKind, number> {
  return { pass: 0, refuse: 0, 'cut-request': 0, cut: 0, 'cut-at': 0, stall: 0, answer: 0, oversized: 0, rewrite: 0 };
}

/** The request a fault is drawn for (its head has arrived; nothing has been forwarded yet). */
export interface ProxiedRequest {
  method: string;
  path: string;
}

export async function startFaultProxy(targetPort: number, nextFault: (request: ProxiedRequest) => ProxyFault): Promise<FaultProxy> {
  let target = targetPort;
  const sockets = new Set<Socket>();
  /** Every socket not yet closed, also those ended cleanly (a peer may never close its side). */
  const open = new Set<Socket>();
  const stats = { connections: 0, byKind: emptyStats() };

  const handle = (client: Socket): void => {
    stats.connections++;
    sockets.add(client);
    open.add(client);
    client.on('close', () => open.delete(client));
    const early = (): void => {
      sockets.delete(client);
      client.destroy();
    };
    client.on('error', early).on('close', early);
    let head = Buffer.alloc(0);
    const readHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const split = splitHead(head);
      if (split === null) {
        if (head.length > MAX_HEAD_BYTES) early();
        return;
      }
      client.off('data', readHead).off('error', early).off('close', early);
      const [method = '', path = ''] = split.head.toString('latin1').split('\r\n', 1)[0]?.split(' ') ?? [];
      const fault = nextFault({ method, path });
      stats.byKind[fault.kind]++;
      exchange(client, fault, split.head, split.rest);
    };
    client.on('data', readHead);
  };

  /** One request and its response, with `fault` applied; the request head has been read. */
  const exchange = (client: Socket, fault: ProxyFault, requestHead: Buffer, firstBody: Buffer): void => {
    let upstream: Socket | null = null;
    let over = false;
    /** Ends the exchange abruptly: both sockets destroyed, unsent bytes dropped. */
    const kill = (): void => {
      if (over) return;
      over = true;
      sockets.delete(client);
      client.destroy();
      if (upstream !== null) {
        sockets.delete(upstream);
        upstream.destroy();
      }
    };
    /** Ends the exchange cleanly: what was written to the client still reaches it. */
    const finish = (): void => {
      if (over) return;
      over = true;
      sockets.delete(client);
      client.end();
      if (upstream !== null) {
        sockets.delete(upstream);
        upstream.destroy();
      }
    };
    client.on('error', kill).on('close', kill);
    if (fault.kind === 'refuse') return kill();

    // The request: its head (rewritten to close the connection after one exchange), then the body.
    const canned = fault.kind === 'oversized' || (fault.kind === 'answer' && !fault.forward);
    let forwardedRequestBytes = 0;
    let requestCut = false;
    const forwardRequest = (bytes: Buffer, complete = false): void => {
      if (upstream === null || over || requestCut) return;
      if (fault.kind === 'cut-request' && (complete || forwardedRequestBytes + bytes.length >= fault.afterBytes)) {
        const room = fault.afterBytes - forwardedRequestBytes;
        if (room > 0) upstream.write(bytes.subarray(0, room));
        forwardedRequestBytes += Math.max(0, Math.min(room, bytes.length));
        // The client loses its connection now; the backend gets what was sent and a closed socket
        // (a whole request is still acted on: the answer goes nowhere).
        requestCut = true;
        client.off('close', kill).off('error', kill);
        client.destroy();
        upstream.end();
        return;
      }
      forwardedRequestBytes += bytes.length;
      upstream.write(bytes);
    };
    const answerCanned = (): void => {
      if (over) return;
      if (fault.kind === 'answer') {
        const body = Buffer.from(fault.body, 'utf8');
        client.write(responseHead(fault.status, { 'Content-Type': fault.contentType ?? 'application/json; charset=utf-8', 'Content-Length': body.length }));
        client.write(body);
        finish();
      } else if (fault.kind === 'oversized') {
        const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8' };
        if (fault.declareLength) headers['Content-Length'] = fault.bytes;
        client.write(responseHead(200, headers));
        streamFiller(client, fault.bytes, finish);
      }
    };
    let requestBytesLeft = contentLengthOf(requestHead) ?? 0;
    const onBody = (bytes: Buffer): void => {
      requestBytesLeft -= bytes.length;
      if (bytes.length > 0) forwardRequest(bytes);
      if (requestBytesLeft > 0) return;
      if (canned) answerCanned();
      // The whole request went through before the cut point: the cut comes right after it.
      else if (fault.kind === 'cut-request') forwardRequest(Buffer.alloc(0), true);
    };
    if (canned) {
      client.on('data', onBody);
      onBody(firstBody);
      return;
    }

    const up = connect(target, '127.0.0.1');
    upstream = up;
    sockets.add(up);
    open.add(up);
    up.on('close', () => open.delete(up));
    const response = new ResponseTap();
    let stalled = false;
    up.on('error', kill);
    up.on('close', () => {
      if (requestCut) {
        sockets.delete(up);
        over = true;
      } else if (fault.kind !== 'stall') {
        kill();
      }
    });
    up.on('data', (chunk: Buffer) => {
      if (over || requestCut) return;
      if (fault.kind === 'pass') {
        client.write(chunk);
        return;
      }
      response.add(chunk);
      if (fault.kind !== 'cut' && fault.kind !== 'cut-at' && fault.kind !== 'stall') return; // the whole response is needed first
      const limit = fault.kind === 'cut-at' ? response.cutPoint(fault.fraction) : fault.afterBytes;
      if (limit === null) return; // cut-at: the head is not complete yet
      const ready = response.take(limit);
      if (ready.length > 0) client.write(ready);
      if (response.sent < limit) return;
      if (fault.kind === 'stall') {
        // Stalled: both sockets stay open and silent; the client's own timeout ends it.
        stalled = true;
        up.removeAllListeners('data');
        up.pause();
        return;
      }
      kill();
    });
    up.on('end', () => {
      if (over || requestCut || stalled) return;
      if (fault.kind === 'answer') return answerCanned();
      if (fault.kind === 'rewrite') {
        const split = splitHead(response.all());
        if (split === null) return kill();
        const body = Buffer.from(fault.body(split.rest));
        const head = split.head.toString('latin1').replace(/\r\ncontent-length\s*:\s*\d+/i, `\r\nContent-Length: ${body.length}`);
        client.write(Buffer.from(head, 'latin1'));
        client.write(body);
        return finish();
      }
      // pass, or a cut or stall point at or past the end of the response: it all went through.
      const rest = response.take(Number.MAX_SAFE_INTEGER);
      if (rest.length > 0) client.write(rest);
      finish();
    });
    forwardRequest(closingRequestHead(requestHead));
    client.on('data', onBody);
    onBody(firstBody);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    retarget(next) {
      target = next;
    },
    openSockets: () => open.size,
    cutAll() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    async close() {
      for (const socket of [...sockets, ...open]) socket.destroy();
      sockets.clear();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The upstream response as it arrives: what has been passed on, and where its end will be. */
class ResponseTap {
  private chunks: Buffer[] = [];
  private received = 0;
  sent = 0;
  private total: number | null | undefined = undefined;

  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
  }

  all(): Buffer {
    return Buffer.concat(this.chunks, this.received);
  }

  /** Where `fraction` of the whole response lies, once the head tells its length. */
  cutPoint(fraction: number): number | null {
    if (this.total === undefined) {
      const split = splitHead(this.all());
      if (split === null) return null;
      const length = contentLengthOf(split.head);
      // Without a Content-Length, cut within the first 4 KiB of the body.
      this.total = split.head.length + (length ?? 4_096);
    }
    return Math.floor(fraction * (this.total ?? 0));
  }

  /** The bytes received but not yet passed on, up to `limit` passed on in all. */
  take(limit: number): Buffer {
    const upTo = Math.min(limit, this.received);
    if (upTo <= this.sent) return Buffer.alloc(0);
    const slice = this.all().subarray(this.sent, upTo);
    this.sent = upTo;
    return slice;
  }
}

/** Writes `bytes` bytes of a JSON-looking body, minding backpressure, then calls `done`. */
function streamFiller(socket: Socket, bytes: number, done: () => void): void {
  const block = Buffer.alloc(64 * 1024, 0x20);
  block.write('{"changes":[', 0, 'latin1');
  let left = bytes;
  const pump = (): void => {
    while (left > 0 && !socket.destroyed) {
      const piece = block.subarray(0, Math.min(block.length, left));
      left -= piece.length;
      if (!socket.write(piece)) {
        socket.once('drain', pump);
        return;
      }
    }
    if (!socket.destroyed) done();
  };
  pump();
}
