import type { ServerResponse } from 'node:http';

/**
 * Headers on every response. `X-Server-Time` carries milliseconds (`Date` has only seconds):
 * the desktop client estimates its clock skew from it, and SLA countdowns depend on that.
 */
export function stampResponse(res: ServerResponse): void {
  res.setHeader('X-Server-Time', new Date().toISOString());
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** A reply body that is JSON text already (a sync page, which the database writes): sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Writes a JSON reply; a no-op when the response is already gone (client closed, or a stream). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  stampResponse(res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.writeHead(status).end(text);
}
