import type { Word } from './clause-words';
import {
  BILLING_OBJECTS,
  DETERMINERS,
  FEATURE_NOUNS,
  GENERIC_DETERMINERS,
  OTHER_OBJECTS,
  OWN_DETERMINERS,
  OWN_OBJECTS,
  PEOPLE,
  PHRASE_ENDS,
  PRODUCT_CONTEXT,
  PRONOUN_OBJECTS,
  RECURRING,
  RENEWAL_OBJECTS,
} from './cancellation-words';

/**
 * What a verb ends, read from the words after it:
 * - `own`: something the customer holds with the vendor ("my plan", "the support contract");
 * - `renewal`: a renewal of it ("the automatic renewal", "autorenewal");
 * - `other`: something else ("the export", "order #1043", "the duplicate payment");
 * - `third-party`: somebody else's ("their subscriptions", "a customer's plan", "... for our users");
 * - `generic`: any one of a kind ("a subscription"): how-to talk about the product;
 * - `pronoun`: "it", "everything", standing for what was named before;
 * - `unknown`: words, but none that says what; `none`: nothing follows the verb.
 */
export type ObjectKind = 'own' | 'renewal' | 'other' | 'third-party' | 'generic' | 'pronoun' | 'unknown' | 'none';

export interface ObjectPhrase {
  readonly kind: ObjectKind;
  /** Whether the customer said whose it is: "my", "our", "your" (the vendor's plan for them). */
  readonly ownDeterminer: boolean;
  /** Index of the phrase's last word; `from - 1` when there is none. */
  readonly last: number;
}

const MAX_PHRASE = 6;
const at = (words: readonly Word[], i: number): string => words[i]?.w ?? '';


/** "a customer's plan": whose it is. (A plural's apostrophe, "members' plans", is a word of its own.) */
export function possessor(word: string): string | null {
  return word.endsWith("'s") ? word.slice(0, -2) : null;
}

/** Prepositions after which "... for one of our members", "... with the REST API" say whose it is. */
const LINKS = new Set(['for', 'of', 'on', 'from', 'in', 'via', 'with', 'through']);

function namesSomebodyElse(word: string): boolean {
  return PEOPLE.has(word) || PEOPLE.has(possessor(word) ?? '');
}

/** Somebody else's, or inside the product: "a customer's plan", "... programmatically", "... for our users". */
function servesSomebodyElse(words: readonly Word[], from: number, last: number): boolean {
  for (let i = from; i <= last; i += 1) if (namesSomebodyElse(at(words, i))) return true;
  const after = at(words, last + 1);
  if (PRODUCT_CONTEXT.has(after)) return true;
  if (!LINKS.has(after)) return false;
  for (let i = last + 2; i <= last + MAX_PHRASE + 1 && i < words.length; i += 1) {
    if (namesSomebodyElse(at(words, i)) || PRODUCT_CONTEXT.has(at(words, i))) return true;
  }
  return false;
}

function kindOfHead(head: string, words: readonly Word[], from: number, to: number): ObjectKind {
  if (RENEWAL_OBJECTS.has(head)) return 'renewal';
  if (OWN_OBJECTS.has(head)) return 'own';
  const recurring = words.slice(from, to + 1).some((word) => RECURRING.has(word.w));
  if (BILLING_OBJECTS.has(head) && recurring) return 'own';
  return 'other';
}

/** The object phrase starting at `from`. */
export function objectAfter(words: readonly Word[], from: number): ObjectPhrase {
  const first = at(words, from);
  if (first === '' || PHRASE_ENDS.has(first)) return { kind: 'none', ownDeterminer: false, last: from - 1 };
  const next = at(words, from + 1);
  if (PRONOUN_OBJECTS.has(first) && (!DETERMINERS.has(first) || next === '' || PHRASE_ENDS.has(next))) {
    return { kind: servesSomebodyElse(words, from + 1, from) ? 'third-party' : 'pronoun', ownDeterminer: false, last: from };
  }
  const determiner = DETERMINERS.has(first) ? first : null;
  let head: { word: string; index: number } | null = null;
  let last = from;
  for (let i = determiner === null ? from : from + 1; i < from + MAX_PHRASE && i < words.length && !PHRASE_ENDS.has(at(words, i)); i += 1) {
    const w = at(words, i);
    if (OWN_OBJECTS.has(w) || OTHER_OBJECTS.has(w) || FEATURE_NOUNS.has(w) || RENEWAL_OBJECTS.has(w)) head = { word: w, index: i };
    last = i;
  }
  const ownDeterminer = determiner !== null && OWN_DETERMINERS.has(determiner);
  if (servesSomebodyElse(words, from, last)) return { kind: 'third-party', ownDeterminer, last };
  if (head === null) return { kind: 'unknown', ownDeterminer, last };
  if (determiner !== null && GENERIC_DETERMINERS.has(determiner)) return { kind: 'generic', ownDeterminer, last: head.index };
  return { kind: kindOfHead(head.word, words, from, head.index), ownDeterminer, last: head.index };
}

/** How far back "it" looks for what it stands for: a few sentences. */
const MENTION_WINDOW = 400;
const MENTION_WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

/**
 * What the last thing named before `position` of `text` is, when it is something that can be
 * ended: "the export is stuck, please cancel it" ends no plan. Bounded to the last few sentences,
 * so that many pronouns in a long text cost no more than one pass each over that window.
 */
export function mentionBefore(text: string, position: number): 'own' | 'other' | null {
  let mention: 'own' | 'other' | null = null;
  for (const [w] of text.slice(Math.max(0, position - MENTION_WINDOW), position).matchAll(MENTION_WORD)) {
    if (OWN_OBJECTS.has(w) || RENEWAL_OBJECTS.has(w)) mention = 'own';
    else if (OTHER_OBJECTS.has(w)) mention = 'other';
  }
  return mention;
}
