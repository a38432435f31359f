import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from '../support-center';

/**
 * Browsers send `Origin`; the desktop client and server-side integrations do not. A request from
 * a web page is served only when its origin is on the allow-list, which also keeps a page the
 * engineer happens to visit (or a DNS-rebinding one) away from a backend on 127.0.0.1.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (!allowedOrigins.has(origin)) throw new RequestError(403, 'forbidden', `origin ${origin} is not allowed`);
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'X-Server-Time, WWW-Authenticate');
}

/** Answers a CORS preflight for a path whose methods are `allow`. */
export function preflightHeaders(allow: readonly string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': allow.join(', '),
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
  };
}
