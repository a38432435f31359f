import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type JsonFileRead<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'invalid'; message: string };

/** Reads and validates a JSON file; a file that is not there is not an error. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<JsonFileRead<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: `${path} is not JSON` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'ok', value: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'invalid', message: `${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Writes to a temporary file and renames it over the old one, so a crash mid-write leaves either
 * the old or the new content, never half of it. Owner-only: the files name tickets and customers.
 */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(value), { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
