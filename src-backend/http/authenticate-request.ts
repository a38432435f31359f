import type { IncomingMessage } from 'node:http';
import type { Caller, SupportCenter } from '../support-center';
import { RequestError } from '../support-center';
import type { Access } from '@shared/contract/endpoints';

/** Longer than any token this server issues; refused without a database lookup. */
const MAX_TOKEN_LENGTH = 512;

/**
 * Resolves the bearer token of a request and checks that its role may use the route: 401 when
 * the token is missing, malformed or unknown, 403 when it is valid but of the other role.
 */
export async function authenticateRequest(center: SupportCenter, req: IncomingMessage, access: Access): Promise<Caller | null> {
  if (access === 'public') return null;
  const token = bearerToken(req.headers.authorization);
  const caller = await center.authenticate(token);
  if (caller === null) throw new RequestError(401, 'unauthorized', 'the bearer token is unknown or has been revoked');
  if (access !== 'token' && caller.role !== access) throw new RequestError(403, 'forbidden', `this route needs an ${access} token`);
  return caller;
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new RequestError(401, 'unauthorized', 'missing bearer token: send Authorization: Bearer <token>');
  }
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) {
    throw new RequestError(401, 'unauthorized', 'malformed Authorization header: expected Bearer <token>');
  }
  return token;
}
