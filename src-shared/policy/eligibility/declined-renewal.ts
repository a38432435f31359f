import type { Word } from './clause-words';
import { objectAfter } from './cancellation-object';
import { AUXILIARIES, NEGATORS, NO_LONGER_TAILS, type EndVerb } from './cancellation-words';
import type { Span } from './ending-request';
import { readVerbGroup, verbGroup, type VerbGroup } from './verb-group';

/**
 * Requests made by declining to go on: "do not renew", "we will not be renewing our plan",
 * "we no longer need your support plan". The negation here is the request, so these read it the
 * other way round from "we do not want to cancel".
 */

const word = (words: readonly Word[], i: number): string => words[i]?.w ?? '';
/** How far after the verb "anymore" may come: "we don't need the Gold plan for our team anymore". */
const TAIL = 12;

/** Where the negation starts, with its auxiliary: "do not", "will not", "no longer"; -1 if none. */
function negationStart(words: readonly Word[], group: VerbGroup): number {
  const negator = group.at.find((i) => NEGATORS.has(word(words, i)) && !(word(words, i) === 'not' && ['can', 'could'].includes(word(words, i - 1))));
  if (negator === undefined) return -1;
  return group.at.includes(negator - 1) && AUXILIARIES.has(word(words, negator - 1)) ? negator - 1 : negator;
}

/**
 * "Please do not renew my subscription", "we have decided not to renew", "my plan must not renew";
 * with `ownObject`, only when said of the customer's own plan ("we will not continue our subscription",
 * not "do not continue").
 */
export function declinedRenewal(words: readonly Word[], i: number, verb: EndVerb, ownObject = false): Span | null {
  if (verb.form === 'third' || verb.form === 'past') return null;
  const group = verbGroup(words, i);
  const from = negationStart(words, group);
  const reading = readVerbGroup(words, i, group);
  if (from < 0 || reading.hypothetical || reading.past || reading.actor === 'other') return null;
  const object = objectAfter(words, i + 1);
  if (object.kind === 'third-party' || object.kind === 'generic' || object.kind === 'other') return null;
  if (ownObject && object.kind !== 'own' && object.kind !== 'renewal') return null;
  const to = object.kind === 'none' || object.kind === 'unknown' ? i : object.last;
  // "We don't want to renew yet": later, not never.
  return word(words, to + 1) === 'yet' || word(words, i + 1) === 'yet' ? null : { from, to };
}

/** "No longer" before the verb; a negation with "will" ("we won't be needing") or "anymore" after it. */
function noLonger(words: readonly Word[], i: number, group: VerbGroup): boolean {
  if (group.at.some((k) => word(words, k) === 'longer' && word(words, k - 1) === 'no')) return true;
  if (negationStart(words, group) < 0) return false;
  return group.at.some((k) => word(words, k) === 'will') || words.slice(i + 1, i + 1 + TAIL).some((w) => NO_LONGER_TAILS.has(w.w));
}

/** "We no longer need your support plan", "we don't need support anymore". */
export function noLongerNeeded(words: readonly Word[], i: number): Span | null {
  const group = verbGroup(words, i);
  const reading = readVerbGroup(words, i, group);
  if (!noLonger(words, i, group) || reading.hypothetical || reading.past || reading.actor === 'other') return null;
  const object = objectAfter(words, i + 1);
  if (object.kind !== 'own' && object.kind !== 'renewal') return null;
  return { from: negationStart(words, group), to: object.last };
}
