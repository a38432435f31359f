import type { IncomingMessage } from 'node:http';
import { MAX_REQUEST_BODY_BYTES } from '@shared/contract';
import { RequestError } from '../support-center';

/**
 * Reads a JSON request body. Refuses before reading when the type is wrong or Content-Length is
 * over the limit, and stops at the first byte past the limit of a chunked body: nothing beyond the
 * limit is kept in memory. The caller answers 413 with `Connection: close` (the rest of the body is
 * never read).
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<unknown> {
  const text = await readTextBody(req, 'application/json', limit);
  if (text.length === 0) throw new RequestError(400, 'bad-request', 'body: empty; expected a JSON object');
  return parseJson(text);
}

/** A UTF-8 body of `mediaType` as text, with the same refusals and limit as a JSON body. */
export async function readTextBody(req: IncomingMessage, mediaType: string, limit: number): Promise<string> {
  requireContentType(req.headers['content-type'], mediaType);
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  return decodeUtf8(await readLimited(req, limit));
}

function requireContentType(header: string | undefined, expected: string): void {
  const [mediaType = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (mediaType !== expected || (charset !== undefined && charset !== 'utf-8')) {
    const got = header === undefined ? 'none' : JSON.stringify(header);
    throw new RequestError(415, 'unsupported-media-type', `Content-Type must be ${expected} (UTF-8); got ${got}`);
  }
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, 'payload-too-large', `body: larger than the limit of ${limit} bytes`);
}

function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Paused: TCP backpressure holds the sender back until the 413 is out and the connection closes.
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    // The client went away mid-body: nobody will read the answer, so this only needs to be quiet.
    const onAbort = () => {
      cleanup();
      reject(new RequestError(400, 'bad-request', 'body: the connection closed before the body was complete'));
    };
    const cleanup = () => {
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
    };
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new RequestError(400, 'bad-request', 'body: not valid UTF-8');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, 'bad-request', `body: not valid JSON (${(error as Error).message})`);
  }
}
