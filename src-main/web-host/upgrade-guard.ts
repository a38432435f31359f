import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SECRET_PROTOCOL_PREFIX, WEB_PROTOCOL, WEB_SOCKET_PATH } from '@shared/ipc/web-socket-protocol';
import { SECURITY_HEADERS } from './static-files';

export type UpgradeVerdict = { ok: true } | { ok: false; status: number; reason: string };

/**
 * Who may open the agent socket: a page of the host's own origin (a page of any other site the
 * engineer visits could otherwise drive the agent through the browser), addressed by the host's
 * own name (DNS rebinding), presenting this launch's secret.
 */
export function checkUpgrade(request: IncomingMessage, expected: { origin: string; secret: string }): UpgradeVerdict {
  const repeated = repeatedHeader(request);
  if (repeated !== null) return refuse(400, repeated);
  const path = new URL(request.url ?? '/', 'http://host').pathname;
  if (path !== WEB_SOCKET_PATH) return refuse(404, `no WebSocket endpoint at ${path.slice(0, 100)}; the agent socket is ${WEB_SOCKET_PATH}`);
  const host = request.headers.host;
  if (host !== new URL(expected.origin).host) return refuse(421, `wrong Host header ${JSON.stringify(host ?? null).slice(0, 100)}: this host answers only as ${new URL(expected.origin).host}`);
  const origin = request.headers.origin;
  if (origin === undefined) return refuse(403, `missing Origin header: only pages from ${expected.origin} may connect`);
  if (origin !== expected.origin) return refuse(403, `foreign Origin ${JSON.stringify(origin).slice(0, 200)}: only pages from ${expected.origin} may connect`);
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(WEB_PROTOCOL)) return refuse(400, `the client must offer the subprotocol ${WEB_PROTOCOL} (a tab from an older build? reload it)`);
  const presented = offered.find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX));
  if (presented === undefined) return refuse(401, 'missing secret: open the address the host printed at launch (its #secret=... part)');
  if (!sameSecret(presented.slice(SECRET_PROTOCOL_PREFIX.length), expected.secret)) {
    return refuse(401, 'wrong secret: it changes with every launch; open the address the host printed this time');
  }
  return { ok: true };
}

/**
 * Host and Origin decide who may connect. Node keeps the first of two copies where a browser or a
 * proxy may mean the last: a request carrying either twice is refused, not guessed at.
 */
export function repeatedHeader(request: IncomingMessage): string | null {
  for (const name of ['Host', 'Origin']) {
    const copies = request.headersDistinct[name.toLowerCase()]?.length ?? 0;
    if (copies > 1) return `the request carries ${copies} ${name} headers; send exactly one`;
  }
  return null;
}

function sameSecret(presented: string, secret: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(status: number, reason: string): UpgradeVerdict {
  return { ok: false, status, reason };
}

/** Answers a refused upgrade with a plain HTTP error whose body and header say why. */
export function writeRefusal(socket: Duplex, status: number, reason: string): void {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'X-Refused-Reason': reason, Connection: 'close', 'Content-Length': String(Buffer.byteLength(`${reason}\n`)) };
  // Header values are Latin-1 without line breaks: anything else (from a hostile Origin) becomes '?'.
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value.replace(/[^\x20-\x7e]/g, '?')}`);
  socket.end(`HTTP/1.1 ${status} ${statusText(status)}\r\n${lines.join('\r\n')}\r\n\r\n${reason}\n`);
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 503: 'Service Unavailable' }[status] ?? 'Error';
}
