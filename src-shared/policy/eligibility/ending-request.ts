import type { Word } from './clause-words';
import { objectAfter, type ObjectPhrase } from './cancellation-object';
import {
  BE,
  DESIRES,
  DETERMINERS,
  GENERIC_DETERMINERS,
  OWN_OBJECTS,
  PARTICLES,
  PEOPLE,
  PHRASE_ENDS,
  PLEASE,
  PRONOUN_OBJECTS,
  REFUND,
  RENEWAL_OBJECTS,
  SELF,
  STOPPED_ACTIVITIES,
  UI_STEPS,
  type EndVerb,
} from './cancellation-words';
import { readVerbGroup, verbGroup, type Reading } from './verb-group';

/** Words `from`..`to` of a clause: the phrase that carries the request. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** What the last thing named before a pronoun was: "cancel it" ends a plan, not an export. Asked only when needed. */
export type Mention = 'own' | 'other' | null;

const word = (words: readonly Word[], i: number): string => words[i]?.w ?? '';
const refused = (r: Reading): boolean => r.negated || r.hypothetical || r.past || r.actor === 'other';

/** "the cancel button", "'Cancel subscription'", "click cancel": the word names a control, not an act. */
function namesAControl(words: readonly Word[], i: number): boolean {
  const before = word(words, i - 1);
  if (before !== 'that' && before !== 'all' && (DETERMINERS.has(before) || before.endsWith("'s"))) return true;
  if (before === '"' || before === "'" || before === '«') return true;
  return [1, 2, 3].some((k) => UI_STEPS.has(word(words, i - k)));
}

/** Where the object of the verb at `i` starts: after "off" / "out of", after "me from". */
function objectStart(words: readonly Word[], i: number, verb: EndVerb): { at: number; self: boolean } | null {
  let at = i + 1;
  const self = SELF.has(word(words, at)) && (verb.base === 'unsubscribe' || verb.base === 'opt');
  if (self) at += 1;
  const particle = PARTICLES.get(verb.base);
  if (particle !== undefined) {
    if (word(words, at) !== particle) return null;
    at += 1;
  }
  if ((verb.base === 'unsubscribe' && word(words, at) === 'from') || (verb.base === 'opt' && word(words, at) === 'of')) at += 1;
  return { at, self };
}

/** "stop charging me", "stop billing our card", "stop using your support plan". */
function stoppedActivity(words: readonly Word[], i: number): Span | null {
  const activity = word(words, i + 1);
  if (SELF.has(word(words, i + 2))) return { from: i, to: i + 2 };
  const object = objectAfter(words, i + 2);
  const billing = activity === 'charging' || activity === 'billing';
  const fits = billing ? object.ownDeterminer && object.kind !== 'third-party' : object.kind === 'own' || object.kind === 'renewal';
  return fits ? { from: i, to: object.last } : null;
}

/** "please refund and cancel", "cancel and refund". */
function refundBeside(words: readonly Word[], i: number): Span | null {
  if (word(words, i - 1) === 'and' && REFUND.has(word(words, i - 2))) return { from: i - 2, to: i };
  if (word(words, i + 1) === 'and' && REFUND.has(word(words, i + 2))) return { from: i, to: i + 2 };
  return null;
}

function bareRequest(words: readonly Word[], i: number, verb: EndVerb, reading: Reading, self: boolean): Span | null {
  if (verb.strength === 'weak' && !self) return null;
  if (self) return { from: Math.min(reading.start, i), to: i + 1 };
  if (reading.asking || PLEASE.has(word(words, i + 1))) return { from: reading.start, to: i };
  return refundBeside(words, i);
}

function judgeObject(object: ObjectPhrase, i: number, verb: EndVerb, mention: () => Mention): Span | null {
  const span = { from: i, to: object.last };
  if (object.kind === 'renewal') return span;
  if (object.kind === 'own') return verb.strength === 'strong' || object.ownDeterminer ? span : null;
  if (object.kind === 'pronoun') return verb.strength === 'strong' && mention() !== 'other' ? span : null;
  return null;
}

/** A gerund asks only as "we are cancelling ...", or alone as a subject line ("Cancelling our plan"). */
function gerundAsks(words: readonly Word[], i: number, object: ObjectPhrase, atClauseStart: boolean): boolean {
  if (BE.has(word(words, i - 1))) return true;
  const tail = word(words, object.last + 1);
  return atClauseStart && (object.kind === 'own' || object.kind === 'renewal') && (tail === '' || PHRASE_ENDS.has(tail));
}

/** The customer asks to end something of theirs with a verb: "please cancel my plan", "we're cancelling". */
export function endingRequest(words: readonly Word[], i: number, verb: EndVerb, mention: () => Mention): Span | null {
  if (verb.form === 'third' || namesAControl(words, i)) return null;
  if (verb.form === 'past') return passiveRequest(words, i, mention);
  const start = objectStart(words, i, verb);
  if (start === null) return null;
  const group = verbGroup(words, i);
  const reading = readVerbGroup(words, i, group);
  if (refused(reading)) return null;
  if (verb.base === 'stop' && STOPPED_ACTIVITIES.has(word(words, i + 1))) return stoppedActivity(words, i);
  const object = objectAfter(words, start.at);
  if (verb.form === 'gerund' && !gerundAsks(words, i, object, group.at.length === 0 && group.boundary === -1)) return null;
  if (object.kind === 'none') return bareRequest(words, i, verb, reading, start.self);
  return judgeObject(object, i, verb, mention);
}

/** Start of an object phrase that ends at `end` and is the customer's ("our subscription", "it"), or -1. */
function ownPhraseEndingAt(words: readonly Word[], end: number, mention: () => Mention): number {
  if (PRONOUN_OBJECTS.has(word(words, end))) return mention() === 'other' ? -1 : end;
  let own = false;
  for (let i = end; i >= 0 && i > end - 5; i -= 1) {
    const w = word(words, i);
    own ||= OWN_OBJECTS.has(w) || RENEWAL_OBJECTS.has(w);
    if (DETERMINERS.has(w)) return own && !GENERIC_DETERMINERS.has(w) && !PEOPLE.has(w) ? i : -1;
    if (PHRASE_ENDS.has(w)) return -1;
  }
  return -1;
}

/** "We want our subscription cancelled", "our plan should be terminated": asked for in the passive. */
function passiveRequest(words: readonly Word[], i: number, mention: () => Mention): Span | null {
  const object = ownPhraseEndingAt(words, i - 1, mention);
  const wish = object > 0 ? object - 1 : -1;
  if (wish >= 0 && DESIRES.has(word(words, wish)) && !refused(readVerbGroup(words, wish))) return { from: wish, to: i };
  const group = verbGroup(words, i);
  const ws = group.at.map((k) => word(words, k));
  const obliged = ws.includes('be') && !ws.includes('been') && ws.some((w) => ['should', 'must', 'need', 'needs', 'have', 'has'].includes(w));
  const subject = obliged ? ownPhraseEndingAt(words, group.boundary, mention) : -1;
  return subject >= 0 && !refused(readVerbGroup(words, i, group)) ? { from: subject, to: i } : null;
}
