import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM ciphertext of a customer login detail; the key never touches the database. */
export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

export const LOGIN_DETAIL_KEY_BYTES = 32;

/** Parses a base64 key from configuration, refusing anything that is not exactly 32 bytes. */
export function parseLoginDetailKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== LOGIN_DETAIL_KEY_BYTES) {
    throw new Error(`${source}: the login-detail key must be ${LOGIN_DETAIL_KEY_BYTES} bytes of base64 (got ${key.length} bytes)`);
  }
  return key;
}

/** `aad` binds the ciphertext to its row, so a ciphertext copied onto another row does not open. */
export function sealSecret(key: Buffer, plaintext: string, aad: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag() };
}

export function openSecret(key: Buffer, sealed: SealedSecret, aad: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
}
