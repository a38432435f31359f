import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenForChanges } from '../../../src-main/services/change-events';

/**
 * The desktop's change-event reader against a real HTTP server that writes server-sent events the
 * way the standard allows other servers to: lines ended by LF, CRLF or a lone CR, and chunks cut
 * anywhere (mid-line, between CR and LF, inside a UTF-8 character). The server writes each chunk
 * only once the reader has received the one before, so every cut reaches the parser as written.
 */

/** What the reader's fetch received, chunk by chunk, and a way to wait until it has some bytes. */
class ReceivedChunks {
  readonly chunks: Buffer[] = [];
  private total = 0;
  private waiters: { bytes: number; wake: () => void }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const record = new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, controller) => (this.add(chunk), controller.enqueue(chunk)) });
    return new Response(response.body?.pipeThrough(record), { status: response.status, headers: response.headers });
  };

  until(bytes: number): Promise<void> {
    if (this.total >= bytes) return Promise.resolve();
    return new Promise((wake) => this.waiters.push({ bytes, wake }));
  }

  private add(chunk: Uint8Array): void {
    this.chunks.push(Buffer.from(chunk));
    this.total += chunk.byteLength;
    for (const waiter of this.waiters.filter((w) => this.total >= w.bytes)) waiter.wake();
    this.waiters = this.waiters.filter((w) => this.total < w.bytes);
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Serves `script` on every connection, chunk by chunk, then keeps the stream open; counts connections. */
async function eventServer(script: Buffer[], received: ReceivedChunks): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const server: Server = createServer((request, response) => {
    connections++;
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.flushHeaders();
    void (async () => {
      let sent = received.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      for (const chunk of script) {
        if (response.destroyed) return;
        response.write(chunk);
        sent += chunk.length;
        await received.until(sent);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

async function readCursors(script: Buffer[], expected: number): Promise<{ cursors: string[]; received: ReceivedChunks }> {
  const received = new ReceivedChunks();
  const server = await eventServer(script, received);
  const cursors: string[] = [];
  const events = listenForChanges({ baseUrl: server.url, token: 'engineer-token', fetch: received.fetch, onChanges: (cursor) => cursors.push(cursor) });
  cleanups.unshift(() => events.close());
  const total = script.reduce((sum, chunk) => sum + chunk.length, 0);
  await received.until(total);
  // The last chunk's events are dispatched synchronously as it is fed; one turn lets it through.
  for (let i = 0; i < 50 && cursors.length < expected; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return { cursors, received };
}

const text = (...chunks: string[]): Buffer[] => chunks.map((chunk) => Buffer.from(chunk, 'utf8'));

describe('change-event reader', () => {
  it('hears events in a stream whose lines end in LF (the control)', async () => {
    const { cursors } = await readCursors(text('retry: 2000\n\nevent: changes\ndata: {"cursor":"c1"}\n\n: keepalive\n\n', 'event: changes\ndata: {"cursor":"c2"}\n\n'), 2);
    expect(cursors).toEqual(['c1', 'c2']);
  });

  it('hears events in a CRLF stream cut mid-line and between CR and LF', async () => {
    const script = text(
      'retry: 2000\r\n\r\nevent: chan',
      'ges\r\ndata: {"cursor":"c1"}\r\n\r\n: keepalive\r\n\r\nevent: changes\r',
      '\ndata: {"cursor":"c2"}\r',
      '\n\r',
      '\nevent: changes\r\ndata: {"cursor":\r\ndata: "c3"}\r\n\r\n',
    );
    const { cursors, received } = await readCursors(script, 3);
    expect(received.chunks).toEqual(script);
    expect(cursors).toEqual(['c1', 'c2', 'c3']);
  });

  it('hears each event of a stream whose lines end in a lone CR as soon as it is written', async () => {
    // One write per event, as a server sends them: each chunk ends in the CR of the blank line.
    const script = text('retry: 2000\r\r', 'event: changes\rdata: {"cursor"', ':"c1"}\r\r', ': keepalive\r\r', 'event: changes\rdata: {"cursor":"c2"}\r\r');
    const { cursors, received } = await readCursors(script, 2);
    expect(received.chunks).toEqual(script);
    expect(cursors).toEqual(['c1', 'c2']);
  });

  it('joins a UTF-8 character cut between chunks, and skips what is not a changes event', async () => {
    const whole = Buffer.from('event: ping\r\ndata: {"cursor":"not this"}\r\n\r\nevent: changes\r\ndata: not json\r\n\r\nevent: changes\r\ndata: {"cursor":"c1-ü"}\r\n\r\n', 'utf8');
    const umlaut = whole.indexOf(Buffer.from('ü', 'utf8'));
    const script = [whole.subarray(0, umlaut + 1), whole.subarray(umlaut + 1)];
    const { cursors, received } = await readCursors(script, 1);
    expect(received.chunks).toEqual(script);
    expect(cursors).toEqual(['c1-ü']);
  });

  it('drops a stream that sends more than a megabyte without an event, and connects again', async () => {
    const received = new ReceivedChunks();
    const server = await eventServer(text('retry: 2000\n\n', `data: ${'x'.repeat(600_000)}`, 'y'.repeat(600_000)), received);
    const events = listenForChanges({ baseUrl: server.url, token: 'engineer-token', fetch: received.fetch, onChanges: () => undefined });
    cleanups.unshift(() => events.close());
    for (let i = 0; i < 500 && server.connections() < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.connections()).toBeGreaterThanOrEqual(2);
  });
});
