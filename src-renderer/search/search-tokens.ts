/**
 * The one tokenizer of the search feature: the index and the highlighter both use it, so what is
 * highlighted is exactly what matched. Case and accents are folded ("Résumé" finds "resume").
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
/** Longer "words" are pasted keys, hashes or base64: never typed into a search box. */
const MAX_TOKEN_LENGTH = 40;

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\x00-\x7f]/;

export function foldText(text: string): string {
  // Most support text is ASCII: skip the costly Unicode normalization when it cannot change anything.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of foldText(text).split(NOT_WORD)) {
    if (token.length > 0 && token.length <= MAX_TOKEN_LENGTH) tokens.push(token);
  }
  return tokens;
}

export interface ParsedQuery {
  /** Distinct folded terms, all of which a ticket must contain. */
  terms: string[];
  /** Set when the query is in double quotes: the words must also appear together, in order. */
  phrase: string | null;
}

export function parseQuery(query: string): ParsedQuery {
  const trimmed = query.trim();
  const quoted = /^"(.*)"$/su.exec(trimmed);
  const terms = [...new Set(searchTokens(quoted?.[1] ?? trimmed))];
  const phrase = quoted !== null && terms.length > 0 ? searchTokens(quoted[1]!).join(' ') : null;
  return { terms, phrase };
}
