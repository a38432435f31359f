import { clausesOf, normalizeText, wordsOf, type Word } from './clause-words';
import { mentionBefore } from './cancellation-object';
import { CONTINUE_VERBS, END_VERBS, NEED_VERBS, RENEW_VERBS, REQUEST_NOUNS } from './cancellation-words';
import { declinedRenewal, noLongerNeeded } from './declined-renewal';
import { endingRequest, type Mention, type Span } from './ending-request';
import { withoutQuotedMail } from './mail-quotes';
import { namedRequest } from './named-request';

/**
 * Cancellation is done only on the vendor's manage-purchases page, so a ticket asking to cancel
 * changes nothing. Spotting such tickets lets the app flag them and offer the reply that points
 * there.
 *
 * The detection reads intent, not keywords: who wants to end what. It flags the customer asking
 * to end their own subscription, plan, support contract, license or renewal with the vendor
 * ("please cancel my plan", "we are cancelling our support contract", "do not renew", "we no
 * longer need the Gold plan; cancel it"). It leaves alone what the customer's own product does
 * for its users ("our members cannot cancel their subscriptions in the add-on"), negations ("we do
 * not want to cancel"), conditions ("if I cancel, ..."), things that happened ("my plan was
 * cancelled"), orders, invoices, payments, exports and tickets being cancelled, and whatever is
 * quoted from earlier mails. Pure and linear in the length of the text: it runs for every ticket.
 */
export interface CancellationDetection {
  asksToCancel: boolean;
  /** The phrase that carries the request, lower-cased as written ("cancel my subscription"). */
  matched: string | null;
}

const NONE: CancellationDetection = { asksToCancel: false, matched: null };

/** A clause without any of these words asks for nothing here, and is not read word by word. */
const TRIGGERS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[...END_VERBS.keys(), ...RENEW_VERBS.keys(), ...CONTINUE_VERBS.keys(), ...NEED_VERBS, ...REQUEST_NOUNS].join('|')})(?![\p{L}\p{N}])`,
  'u',
);

function requestAt(words: readonly Word[], i: number, mention: () => Mention): Span | null {
  const w = words[i]?.w ?? '';
  const ending = END_VERBS.get(w);
  if (ending !== undefined) return endingRequest(words, i, ending, mention);
  const renewing = RENEW_VERBS.get(w);
  if (renewing !== undefined) return declinedRenewal(words, i, renewing);
  const continuing = CONTINUE_VERBS.get(w);
  if (continuing !== undefined) return declinedRenewal(words, i, continuing, true);
  if (NEED_VERBS.has(w)) return noLongerNeeded(words, i);
  return REQUEST_NOUNS.has(w) ? namedRequest(words, i, mention) : null;
}

export function detectCancellationRequest(text: string): CancellationDetection {
  if (typeof text !== 'string') return NONE;
  const visible = normalizeText(withoutQuotedMail(text));
  for (const clause of clausesOf(visible)) {
    if (!TRIGGERS.test(clause.text)) continue;
    const words = wordsOf(clause.text);
    for (let i = 0; i < words.length; i += 1) {
      const at = (words[i] as Word).start;
      const span = requestAt(words, i, () => mentionBefore(visible, clause.offset + at));
      if (span !== null) return { asksToCancel: true, matched: clause.text.slice((words[span.from] as Word).start, (words[span.to] as Word).end) };
    }
  }
  return NONE;
}
