import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@shared/json-log';
import { OTHERS } from '../db/owner-only-tree';
import { LOGIN_DETAIL_KEY_BYTES, parseLoginDetailKey } from '../security/login-detail-cipher';

export const KEY_FILE_NAME = 'login-details.key';

/**
 * The AES-256-GCM key for customer login details, from (in order) LOGIN_DETAILS_KEY, --key-file,
 * LOGIN_DETAILS_KEY_FILE, the data folder's key file (created on first start), or a random key for
 * an in-memory run. The key never goes into the database, so a copied database alone does not open
 * the secrets; every instance on one database needs the same key.
 */
export async function loadLoginDetailKey(
  sources: { envValue: string | undefined; keyFile: string | null; envKeyFile?: string | undefined; dataDir: string | null },
  logger: Logger,
): Promise<Buffer> {
  if (sources.envValue !== undefined && sources.envValue.trim() !== '') return parseKey(sources.envValue, 'LOGIN_DETAILS_KEY');
  if (sources.keyFile !== null) return readKeyFile(sources.keyFile);
  if (sources.envKeyFile !== undefined && sources.envKeyFile.trim() !== '') return readKeyFile(sources.envKeyFile);
  if (sources.dataDir !== null) return readOrCreateKeyFile(join(sources.dataDir, KEY_FILE_NAME), logger);
  logger.warn('no login-detail key configured (LOGIN_DETAILS_KEY, --key-file or --data): using a random one, so login details submitted now cannot be revealed after a restart');
  return randomBytes(LOGIN_DETAIL_KEY_BYTES);
}

async function readKeyFile(path: string): Promise<Buffer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const hint = `create one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))" > ${path}`;
    throw new Error(`cannot read the login-detail key file ${path} (${(error as Error).message}); ${hint}`, { cause: error });
  }
  await refuseIfOpenToOthers(path);
  return parseKey(text, path);
}

/** 64 hex digits, or base64 (what `randomBytes(32).toString('base64')` prints). */
function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  return parseLoginDetailKey(trimmed, source);
}

async function readOrCreateKeyFile(path: string, logger: Logger): Promise<Buffer> {
  const key = randomBytes(LOGIN_DETAIL_KEY_BYTES);
  try {
    // `wx`: never overwrite a key that exists, even if another process created it a moment ago.
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    logger.info('created a login-detail key', { path });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(path);
}

/**
 * A key other users may read opens every customer's login details: refused, not merely warned
 * about, before it is used. Windows has no such modes: there the folder's ACLs protect the file.
 */
async function refuseIfOpenToOthers(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(path);
  if ((mode & OTHERS) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    throw new Error(`the login-detail key file ${path} is open to other users (mode ${octal}); make it yours alone with: chmod 600 ${path}`);
  }
}
