import type { z } from 'zod';
import { readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from '../owner-only-files';

export type JsonFileRead<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'invalid'; message: string };

/** Reads and validates a JSON file; a file that is not there is not an error. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<JsonFileRead<z.output<S>>> {
  const content = await readOwnerOnlyFile(path);
  if (content === null) return { kind: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    return { kind: 'invalid', message: `${path} is not JSON` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'ok', value: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'invalid', message: `${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

/** Replaced whole, owner-only (see owner-only-files.ts): the files name tickets and customers. */
export function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  return writeOwnerOnlyFileAtomically(path, JSON.stringify(value));
}
