import { z } from 'zod';

/**
 * The one rule for text people write into a request (docs/api.md, "Text"). Characters that are not
 * text are refused at the door with the field named, rather than failing in the database
 * (PostgreSQL cannot store U+0000) or reaching a screen where they hide, reorder or fake content.
 */

export type TextLines = 'single' | 'multi';

/** Every text schema built here, with its kind: tests find each text field of a request through it. */
export const textSchemas = z.registry<{ lines: TextLines }>();

/** The control characters (C0, DEL, C1: Unicode's Cc) but tab, LF and CR. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
/** Unpaired UTF-16 surrogates: JSON's `\ud800` escape makes them, and no encoding can store them. */
const LONE_SURROGATE = /\p{Cs}/u;
/** U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two code points of every plane: never text. */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** What breaks a line or aligns a column: only multi-line text may hold it. */
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/u;
/**
 * One character a reader can see: not whitespace of any kind, not a default-ignorable character
 * (zero-width spaces and joiners, bidi marks, variation selectors, Hangul fillers, soft hyphen,
 * tags), not a control or format character, not a combining mark without a base, not U+2800.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{M}\p{Cs}\u2800]/u;

function codePoint(found: string): string {
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `value` breaks the rule for `lines` text, or null when it keeps it. */
function textRuleViolation(value: string, lines: TextLines): string | null {
  const control = CONTROL.exec(value);
  if (control !== null) return `must not contain ${codePoint(control[0])} (a control character)`;
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate !== null) return `must not contain ${codePoint(surrogate[0])} (an unpaired surrogate)`;
  const noncharacter = NONCHARACTER.exec(value);
  if (noncharacter !== null) return `must not contain ${codePoint(noncharacter[0])} (a noncharacter)`;
  const lineBreak = lines === 'single' ? LINE_BREAK_OR_TAB.exec(value) : null;
  if (lineBreak !== null) return `must be a single line: ${codePoint(lineBreak[0])} (a line break or tab) is not allowed`;
  return null;
}

/** The rule as a zod check, for schemas that add their own format (e-mail addresses). */
export function keepsTextRule(lines: TextLines) {
  return (payload: z.core.ParsePayload<string>): void => {
    const message = textRuleViolation(payload.value, lines);
    if (message !== null) payload.issues.push({ code: 'custom', message, input: payload.value });
  };
}

function text(lines: TextLines, max: number, trim: boolean): z.ZodString {
  const base = trim ? z.string().trim() : z.string();
  const schema = base
    .min(1, 'must not be empty')
    .max(max)
    .check(keepsTextRule(lines))
    .refine((value) => VISIBLE.test(value), 'must contain visible text');
  textSchemas.add(schema, { lines });
  return schema;
}

/** A subject, a name, a label: one line, trimmed, with something visible in it. */
export function singleLineText(max: number): z.ZodString {
  return text('single', max, true);
}

/**
 * A message body: tabs and line breaks allowed, trimmed, with something visible in it.
 * `verbatim` keeps the value exactly as sent (a secret whose spaces matter).
 */
export function multiLineText(max: number, options: { verbatim?: boolean } = {}): z.ZodString {
  return text('multi', max, options.verbatim !== true);
}
