import { readFile, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The same policy as the renderer's meta tag, plus what only a header can say (frame-ancestors).
 * The socket is same-origin, so `connect-src 'self'` covers it (CSP 3 matches ws: to an http: self).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Serves the built renderer read-only: GET and HEAD, files inside `root` only (no traversal, no
 * symlinks out), `/` as index.html, everything with the security headers above.
 */
export function createStaticHandler(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const realRoot = realpath(root);
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(response, 405, 'only GET and HEAD are served here', { Allow: 'GET, HEAD' });
    const file = await resolveFile(await realRoot, request.url ?? '/');
    if (file === null) return reply(response, 404, 'not found');
    const body = await readFile(file).catch(() => null);
    if (body === null) return reply(response, 404, 'not found');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // Hashed assets never change; index.html must be fetched again so a rebuild is picked up.
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-store';
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

async function resolveFile(root: string, url: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const wanted = join(root, path.endsWith('/') ? `${path}index.html` : path);
  const real = await realpath(wanted).catch(() => null);
  return real !== null && real.startsWith(`${root}${sep}`) ? real : null;
}

export function reply(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${message}\n`);
}
