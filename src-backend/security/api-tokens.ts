import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, base64url, with a prefix that makes leaks greppable. */
export function newApiToken(): string {
  return `sa_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as SHA-256 hashes: high-entropy secrets need no slow hash. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
