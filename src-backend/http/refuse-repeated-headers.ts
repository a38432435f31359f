import type { IncomingMessage } from 'node:http';
import { RequestError } from '../support-center';

/**
 * Headers that decide who is asking and for what. Node keeps the first of two copies; a proxy in
 * front may keep the last, and then the two disagree on who the caller is or which site sent it.
 */
const SINGLE_HEADERS = ['Host', 'Origin', 'Authorization'] as const;

/** A request carrying one of those twice is refused before anything else reads it. */
export function refuseRepeatedHeaders(req: IncomingMessage): void {
  for (const name of SINGLE_HEADERS) {
    const copies = req.headersDistinct[name.toLowerCase()]?.length ?? 0;
    if (copies > 1) throw new RequestError(400, 'bad-request', `the request carries ${copies} ${name} headers; send exactly one`);
  }
}
