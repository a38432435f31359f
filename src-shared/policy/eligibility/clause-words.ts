/**
 * A text as clauses of words, for reading who wants what. Lower-cased, typographic apostrophes
 * straightened; contractions read as their words ("don't" is `do not`, "we're" is `we are`) while
 * keeping the span they were written in, so a matched phrase can be quoted from the text.
 */
export interface Word {
  /** The word as read: lower-case, a contraction expanded (several words then share one span). */
  readonly w: string;
  readonly start: number;
  readonly end: number;
}

export interface Clause {
  /** The clause as written, lower-cased. */
  readonly text: string;
  /** Where it starts in the text `clausesOf` was given, after normalizing. */
  readonly offset: number;
}

/** Sentence ends, line breaks, spaced dashes, and "but", "however", "although" inside a sentence. */
const CLAUSE_END = /[.!?;:]+(?=\s|$)|\n+|\s[-–—]+\s|,?\s+(?:but|however|although|though|except)\b,?/gu;
/** Words (with inner apostrophes and hyphens: `don't`, `auto-renewal`), commas, quotes, brackets. */
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[,"'«»()&]/gu;

const NOT_BASES: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'am', can: 'can' };
const SUFFIXES: Readonly<Record<string, string>> = { "'re": 'are', "'m": 'am', "'ve": 'have', "'ll": 'will', "'d": 'would' };
/** Contractions written without their apostrophe. */
const BARE_CONTRACTIONS = /^(do|does|did|is|are|was|were|has|have|had|would|could|should|must|wo|ca)nt$/u;

function expand(token: string): string[] {
  if (token.endsWith("n't")) {
    const base = token.slice(0, -3);
    return [NOT_BASES[base] ?? base, 'not'];
  }
  const bare = BARE_CONTRACTIONS.exec(token);
  if (bare !== null) return [NOT_BASES[bare[1] as string] ?? (bare[1] as string), 'not'];
  if (token === 'cannot') return ['can', 'not'];
  const apostrophe = token.lastIndexOf("'");
  if (apostrophe > 0) {
    const suffix = SUFFIXES[token.slice(apostrophe)];
    if (suffix !== undefined) return [token.slice(0, apostrophe), suffix];
  }
  return [token];
}

/** The words of a clause, with their spans in it. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const w of expand(m[0])) words.push({ w, start, end });
  }
  return words;
}

/** Lower-case, apostrophes and quotes straightened, runs of spaces made one. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/gu, "'")
    .replace(/[\u201c\u201d]/gu, '"')
    .replace(/[ \t\u00a0]+/gu, ' ');
}

/** The clauses of a normalized text, in order. */
export function clausesOf(normalized: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const add = (stop: number) => {
    if (stop > start) clauses.push({ text: normalized.slice(start, stop), offset: start });
  };
  for (const end of normalized.matchAll(CLAUSE_END)) {
    add(end.index);
    start = end.index + end[0].length;
  }
  add(normalized.length);
  return clauses;
}
