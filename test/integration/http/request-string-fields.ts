import type { z } from 'zod';
import { textSchemas, type TextLines } from '@shared/contract';

/**
 * The string fields of a request, found by walking its contract schema, so that a field added to
 * the contract is covered by the hostile-input suite without anyone listing it.
 *
 * A string is either free text (built by the contract's text builders, registered in textSchemas)
 * or has a format of its own (a regular expression: ids, keys, e-mail addresses). A string with
 * neither is reported as `plain`: the suite fails on it, because nothing refuses U+0000 there.
 */
export type StringKind = { kind: 'text'; lines: TextLines } | { kind: 'format' } | { kind: 'plain' };

export interface StringField {
  /** Where the field sits in the schema, one name for all array items and union members: `mutations[].<kind=reply>.body`. */
  slot: string;
  /** Where it sits in one example request: `['mutations', 2, 'body']`. */
  path: PropertyKey[];
  /** The example's value there. */
  value: string;
  type: StringKind;
}

interface LooseDef {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  discriminator?: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  checks?: Array<{ _zod: { def: { check: string } } }>;
  format?: string;
}

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as LooseDef;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function classify(schema: z.core.$ZodType): StringKind {
  const text = textSchemas.get(schema as z.ZodType);
  if (text !== undefined) return { kind: 'text', lines: text.lines };
  const def = defOf(schema);
  const formatted = def.format !== undefined || (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
  return formatted ? { kind: 'format' } : { kind: 'plain' };
}

function unionLabel(def: LooseDef, option: z.core.$ZodType, index: number): string {
  const tag = def.discriminator === undefined ? undefined : defOf(option).shape?.[def.discriminator];
  const literal = tag === undefined ? undefined : (defOf(tag) as unknown as { values?: unknown[] }).values?.[0];
  return literal === undefined ? `<${index}>` : `<${def.discriminator}=${String(literal)}>`;
}

/** Every slot of a string in `schema`, whether or not an example reaches it. */
export function stringSlots(schema: z.core.$ZodType, slot = ''): Array<{ slot: string; type: StringKind }> {
  const def = defOf(schema);
  if (def.type === 'string') return [{ slot, type: classify(schema) }];
  if (WRAPPERS.has(def.type) && def.innerType) return stringSlots(def.innerType, slot);
  if (def.type === 'pipe' && def.in) return stringSlots(def.in, slot);
  if (def.type === 'array' && def.element) return stringSlots(def.element, `${slot}[]`);
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([key, field]) => stringSlots(field, slot === '' ? key : `${slot}.${key}`));
  if (def.type === 'union' && def.options) return def.options.flatMap((option, i) => stringSlots(option, `${slot}.${unionLabel(def, option, i)}`));
  return [];
}

/** The string fields that `example` (a valid request) fills in, with their slots. */
export function stringFields(schema: z.core.$ZodType, example: unknown, slot = '', path: PropertyKey[] = []): StringField[] {
  const def = defOf(schema);
  if (example === undefined || example === null) return [];
  if (def.type === 'string') return typeof example === 'string' ? [{ slot, path, value: example, type: classify(schema) }] : [];
  if (WRAPPERS.has(def.type) && def.innerType) return stringFields(def.innerType, example, slot, path);
  if (def.type === 'pipe' && def.in) return stringFields(def.in, example, slot, path);
  if (def.type === 'array' && def.element && Array.isArray(example)) {
    const element = def.element;
    return example.flatMap((item, i) => stringFields(element, item, `${slot}[]`, [...path, i]));
  }
  if (def.type === 'object' && def.shape && typeof example === 'object') {
    return Object.entries(def.shape).flatMap(([key, field]) =>
      stringFields(field, (example as Record<string, unknown>)[key], slot === '' ? key : `${slot}.${key}`, [...path, key]),
    );
  }
  if (def.type === 'union' && def.options) {
    const index = def.options.findIndex((option) => (option as z.ZodType).safeParse(example).success);
    const option = def.options[index];
    return option === undefined ? [] : stringFields(option, example, `${slot}.${unionLabel(def, option, index)}`, path);
  }
  return [];
}

/** A copy of `example` with `value` at `path`. */
export function withValueAt(example: unknown, path: readonly PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const copy = (Array.isArray(example) ? [...example] : { ...(example as object) }) as Record<PropertyKey, unknown>;
  copy[key] = withValueAt(copy[key], rest, value);
  return copy;
}
