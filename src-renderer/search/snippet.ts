import { foldText, searchTokens } from './search-tokens';

/** A piece of a snippet; `hit` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

interface Word {
  start: number;
  end: number;
  folded: string;
}

// Marks are part of a word here: a decomposed "é" must not split it in two.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const BEFORE = 60;
const LENGTH = 220;

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    for (const folded of searchTokens(match[0])) words.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return words;
}

/** How well a text answers the query: distinct terms present, and whether the phrase is. */
export function matchScore(text: string, terms: readonly string[], phrase: string | null): { terms: number; phrase: boolean } {
  const tokens = searchTokens(text);
  const present = new Set(tokens);
  return {
    terms: terms.filter((t) => present.has(t)).length,
    phrase: phrase !== null && ` ${tokens.join(' ')} `.includes(` ${phrase} `),
  };
}

function firstPhraseStart(words: Word[], phrase: string): number {
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= words.length; i += 1) {
    if (parts.every((p, j) => words[i + j]!.folded === p)) return i;
  }
  return -1;
}

/**
 * A window of `text` around the first match (the phrase if there is one, else the first term),
 * cut at word boundaries, with every query term in it marked. Null when nothing matches.
 */
export function buildSnippet(text: string, terms: readonly string[], phrase: string | null = null): SnippetPart[] | null {
  const wanted = new Set(terms.map(foldText));
  const words = wordsOf(text);
  const phraseAt = phrase === null ? -1 : firstPhraseStart(words, phrase);
  const anchor = phraseAt >= 0 ? words[phraseAt] : words.find((w) => wanted.has(w.folded));
  if (anchor === undefined) return null;
  let from = Math.max(0, anchor.start - BEFORE);
  from = words.find((w) => w.end > from && w.start >= from)?.start ?? anchor.start;
  let to = Math.min(text.length, from + LENGTH);
  if (to < text.length) to = [...words].reverse().find((w) => w.end <= to)?.end ?? to;
  const parts: SnippetPart[] = [];
  let at = from;
  for (const word of words) {
    if (word.start < from || word.end > to || !wanted.has(word.folded)) continue;
    if (word.start > at) parts.push({ text: text.slice(at, word.start), hit: false });
    parts.push({ text: text.slice(word.start, word.end), hit: true });
    at = word.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), hit: false });
  if (from > 0) parts.unshift({ text: '…', hit: false });
  if (to < text.length) parts.push({ text: '…', hit: false });
  return collapseWhitespace(parts);
}

function collapseWhitespace(parts: SnippetPart[]): SnippetPart[] {
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}
