import { readFile, stat } from 'node:fs/promises';
import { MAX_BILLING_IMPORT_BYTES } from '@shared/contract';
import { AdminUsageError } from './admin-command';

/** A file named on the command line, or a usage error saying what is wrong with it. */
async function readNamed(file: string, maxBytes: number): Promise<Buffer> {
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new AdminUsageError(`${file} cannot be read`);
  if (size > maxBytes) throw new AdminUsageError(`${file} is ${size} bytes; the command takes at most ${maxBytes}`);
  return readFile(file);
}

/** A billing export: UTF-8 text within the import's size limit. */
export async function readBillingExport(file: string): Promise<string> {
  const bytes = await readNamed(file, MAX_BILLING_IMPORT_BYTES);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AdminUsageError(`${file} is not valid UTF-8`);
  }
}

/** A policy document: the JSON of one policy, as `policy show --json` prints it under `versions[].policy`. */
export async function readPolicyDocument(file: string): Promise<unknown> {
  const text = (await readNamed(file, 1_048_576)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AdminUsageError(`${file}: not JSON (${(error as Error).message})`);
  }
}
