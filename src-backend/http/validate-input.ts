import type { z } from 'zod';
import { RequestError } from '../support-center';

/** Where a value came from, for the message when it has no field to blame (a body that is an array). */
export type InputSource = 'body' | 'query' | 'path';

/**
 * Validates with a contract schema. The first issue becomes a 400 whose `field` is the issue's
 * path as an integrator would write it (`mutations[3].body`) and whose message says what was expected.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, source: InputSource): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new RequestError(400, 'bad-request', `${source}: invalid`);
  const field = formatFieldPath(issue.path);
  const message = `${field || source}: ${describeIssue(issue, valueAt(input, issue.path), source)}`;
  throw new RequestError(400, 'bad-request', message, field || undefined);
}

/** `['mutations', 3, 'body']` → `mutations[3].body` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown, source: InputSource): string {
  if (issue.code !== 'invalid_type') return issue.message;
  const expected = issue.expected === 'int' ? 'an integer' : issue.expected;
  if (value === undefined) return `required (expected ${expected})`;
  // Query values are always strings; zod's own message would report the coerced NaN instead.
  if (source === 'query') return `expected ${expected}, received ${JSON.stringify(value)}`;
  return issue.message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns a query string into the plain object the contract's query schemas read. Empty values
 * count as absent (`?cursor=` on a first sync); a repeated parameter is refused rather than
 * silently picking one of its values.
 */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [name, value] of query) {
    if (query.getAll(name).length > 1) {
      throw new RequestError(400, 'bad-request', `${name}: given more than once`, name);
    }
    if (value !== '') object[name] = value;
  }
  return object;
}
