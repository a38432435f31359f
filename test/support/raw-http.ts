import { connect } from 'node:net';

/**
 * HTTP as a hostile or broken client sends it, over a bare TCP socket: Node's http client merges
 * repeated headers and never dribbles a request, so neither can be tested through it.
 */

export interface RawAnswer {
  /** The status of the first response, 0 when none came. */
  status: number;
  /** Everything the server sent. */
  text: string;
}

/**
 * Sends `request` as is and collects the answer until the server closes the connection, or until
 * `until` says enough has arrived (a socket upgrade stays open).
 */
export function rawExchange(port: number, request: string, options: { until?: (received: string) => boolean; timeoutMs?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(request));
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${options.timeoutMs ?? 5_000} ms; received ${JSON.stringify(text.slice(0, 500))}`));
    }, options.timeoutMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (options.until?.(text)) done();
    });
    socket.once('close', done);
    socket.once('error', () => undefined);
  });
}

export interface Dribbled extends RawAnswer {
  /** From the request's first byte until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * A slow client: sends `head`, then `drip` every `everyMs` without ever finishing the request,
 * until the server closes the connection. Gives up (and says so) after `giveUpMs`.
 */
export function dribble(port: number, request: { head: string; drip: string; everyMs: number; giveUpMs: number }): Promise<Dribbled> {
  return new Promise((resolve, reject) => {
    let text = '';
    let started = 0;
    const socket = connect({ host: '127.0.0.1', port }, () => {
      started = performance.now();
      socket.write(request.head);
    });
    const drips = setInterval(() => {
      if (socket.writable) socket.write(request.drip);
    }, request.everyMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held the slow request open after ${request.giveUpMs} ms`));
    }, request.giveUpMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.once('close', () => {
      clearInterval(drips);
      clearTimeout(giveUp);
      resolve({ status: statusOf(text), text, closedAfterMs: performance.now() - started });
    });
    socket.once('error', () => undefined);
  });
}

function statusOf(text: string): number {
  return Number(/^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1] ?? 0);
}
