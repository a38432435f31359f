import type { Word } from './clause-words';
import {
  AUXILIARIES,
  BE,
  DESIRES,
  FILLERS,
  HYPOTHETICALS,
  MODALS,
  NEGATORS,
  PAST_AUXILIARIES,
  PEOPLE,
  PLEASE,
  PRODUCT_PARTS,
  QUESTIONS,
  RELATIVES,
  SUBJECTS,
} from './cancellation-words';

/**
 * The words before a verb that say who acts and how: "we do not want to", "could you please",
 * "how do I", "if users". Read leftwards from the verb until a word that is none of these (often
 * the subject noun: "customers", "the plugin"), a comma, or the start of the clause.
 */
export interface VerbGroup {
  /** Indexes of the group's words, nearest to the verb first. */
  readonly at: readonly number[];
  /** Index of the word that ended the group, or -1 at the start of the clause or at a comma. */
  readonly boundary: number;
}

export interface Reading {
  /** Who would do the ending: the customer, the vendor asked by the customer, or someone else. */
  readonly actor: 'customer' | 'vendor' | 'other';
  /** "do not", "never", "no need to"; not "cannot", which wants and fails. */
  readonly negated: boolean;
  /** "if", "when", "before", "instead of": a condition or a time, not a request. */
  readonly hypothetical: boolean;
  /** "did", "was", "had": it happened, or did not. */
  readonly past: boolean;
  /** A word that asks: "please", "want to", "would like", "how do I", "could you", "we are (cancelling)". */
  readonly asking: boolean;
  /** Index of the group's first word that says something (not "so", "and", "just"), for quoting. */
  readonly start: number;
}

const MAX_GROUP = 12;
const word = (words: readonly Word[], i: number): string => words[i]?.w ?? '';
const isGroupWord = (w: string, right: string): boolean =>
  NEGATORS.has(w) || AUXILIARIES.has(w) || DESIRES.has(w) || FILLERS.has(w) || SUBJECTS.has(w) ||
  HYPOTHETICALS.has(w) || QUESTIONS.has(w) || w === 'longer' || ((w === 'plan' || w === 'plans') && right === 'to');

export function verbGroup(words: readonly Word[], verb: number): VerbGroup {
  const at: number[] = [];
  for (let i = verb - 1; i >= 0 && at.length < MAX_GROUP; i -= 1) {
    const w = word(words, i);
    if (w === ',') return { at, boundary: -1 };
    if (!isGroupWord(w, word(words, i + 1))) return { at, boundary: i };
    at.push(i);
  }
  return { at, boundary: -1 };
}

/** "can not", "could not": the customer wants to and cannot, which is no negation of wanting. */
function isNegation(words: readonly Word[], i: number): boolean {
  const w = word(words, i);
  if (!NEGATORS.has(w)) return false;
  return !(w === 'not' && (word(words, i - 1) === 'can' || word(words, i - 1) === 'could'));
}

function actorOf(words: readonly Word[], group: VerbGroup): Reading['actor'] {
  for (const [k, i] of group.at.entries()) {
    const w = word(words, i);
    if (!SUBJECTS.has(w)) continue;
    if (w === 'i' || w === 'we') return 'customer';
    if (w !== 'you') return 'other';
    // "could you cancel", "we would like you to cancel", "please, you cancel it": the vendor, asked.
    const farther = group.at.slice(k + 1).map((j) => word(words, j));
    const asked = MODALS.has(farther[0] ?? '') || farther.some((f) => DESIRES.has(f) || PLEASE.has(f));
    return asked ? 'vendor' : 'other';
  }
  // The subject noun ("customers cancel"), or the noun a relative pronoun stands for ("users who cancel").
  const boundary = word(words, group.boundary);
  const subject = RELATIVES.has(boundary) ? word(words, group.boundary - 1) : boundary;
  return PEOPLE.has(subject) || PRODUCT_PARTS.has(subject) ? 'other' : 'customer';
}

/**
 * "We may cancel", "we might": maybe, not a request. "Should I cancel ...?": asking for advice.
 * ("May I cancel?" and "I should cancel" ask and decide, and are requests.)
 */
function tentative(ws: readonly string[]): boolean {
  const subject = ws.findIndex((w) => w === 'i' || w === 'we');
  if (subject < 0) return false;
  const maybe = ws.findIndex((w) => w === 'may' || w === 'might');
  const should = ws.indexOf('should');
  return (maybe >= 0 && maybe < subject) || should > subject;
}

export function readVerbGroup(words: readonly Word[], verb: number, group: VerbGroup = verbGroup(words, verb)): Reading {
  const ws = group.at.map((i) => word(words, i));
  const actor = actorOf(words, group);
  const subject = ws.find((w) => SUBJECTS.has(w));
  const committed = (subject === 'i' || subject === 'we') && ws.some((w) => BE.has(w) || w === 'will' || w === 'shall' || w === 'must');
  const meaningful = group.at.filter((i) => !FILLERS.has(word(words, i)));
  return {
    actor,
    negated: group.at.some((i) => isNegation(words, i)),
    hypothetical: ws.some((w) => HYPOTHETICALS.has(w)) || tentative(ws),
    past: ws.some((w) => PAST_AUXILIARIES.has(w)),
    asking: actor === 'vendor' || committed || ws.some((w) => PLEASE.has(w) || DESIRES.has(w) || QUESTIONS.has(w)),
    start: meaningful.length === 0 ? verb : Math.min(...meaningful),
  };
}
