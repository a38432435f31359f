import type { Word } from './clause-words';
import { objectAfter, possessor } from './cancellation-object';
import { ASKING_VERBS, DETERMINERS, FEATURE_NOUNS, PEOPLE, PLEASE, REQUEST_HEADS } from './cancellation-words';
import type { Mention, Span } from './ending-request';
import { readVerbGroup } from './verb-group';

const word = (words: readonly Word[], i: number): string => words[i]?.w ?? '';

/** The words before the noun that ask for it: "please process our", "notice of", "request for"; -1 if none. */
function askedFor(words: readonly Word[], noun: number): number {
  let k = noun - 1;
  if (DETERMINERS.has(word(words, k))) k -= 1;
  const w = word(words, k);
  if (ASKING_VERBS.has(w) || PLEASE.has(w)) return k;
  if (w === 'of' && REQUEST_HEADS.has(word(words, k - 1))) return k - 1;
  if (w === 'for' && ['request', 'ask', 'asking', 'requesting'].includes(word(words, k - 1))) return k - 1;
  return -1;
}

function span(words: readonly Word[], from: number, to: number): Span | null {
  const r = readVerbGroup(words, from);
  return r.negated || r.hypothetical || r.past || r.actor === 'other' ? null : { from, to };
}

/**
 * The request named by a noun: "cancellation request", "cancellation of our subscription",
 * "please process our cancellation", "notice of non-renewal". Not a feature named after it
 * ("the cancellation email", "the cancellation request endpoint") nor somebody else's.
 */
export function namedRequest(words: readonly Word[], i: number, mention: () => Mention): Span | null {
  const before = word(words, i - 1);
  const next = word(words, i + 1);
  if (PEOPLE.has(before) || PEOPLE.has(possessor(before) ?? '') || FEATURE_NOUNS.has(next)) return null;
  if (REQUEST_HEADS.has(next)) return FEATURE_NOUNS.has(word(words, i + 2)) ? null : span(words, i, i + 1);
  if (next === 'of') {
    const object = objectAfter(words, i + 2);
    const ours = object.kind === 'own' || object.kind === 'renewal' || (object.kind === 'pronoun' && mention() !== 'other');
    return ours ? span(words, i, object.last) : null;
  }
  const asking = askedFor(words, i);
  return asking < 0 ? null : span(words, asking, i);
}
