/**
 * Cancellation is done only on the vendor's manage-purchases page, so a ticket asking to cancel
 * changes nothing. Spotting such tickets lets the app flag them and offer the reply that points
 * there. Deliberately conservative about product talk: the product itself may have cancel buttons,
 * cancelled orders and subscription features that customers ask about.
 */

export interface CancellationDetection {
  asksToCancel: boolean;
  /** The phrase that triggered the flag, lower-cased as matched. */
  matched: string | null;
}

/** What a customer might ask to end. */
const OBJECT = String.raw`(?:subscriptions?|plans?|accounts?|licen[cs]es?|memberships?|renewals?|auto[- ]?renewals?|contracts?|services?|support|maintenance)`;
/** Up to three words between determiner and object ('my annual gold plan'), never a preposition. */
const GAP = String.raw`(?:(?!(?:for|of|in|on|to|from|with|at|by|and|or|when|if|button|dialog)\b)[\p{L}\p{N}&'-]+\s+){0,3}`;
const ANY_DET = String.raw`(?:(?:my|our|the|this|that|your|a)\s+)?`;
const OWN_DET = String.raw`(?:my|our)\s+`;
/** What may follow a bare 'cancel' in a request ('I want to cancel.', 'please cancel asap'). */
const BARE_END = String.raw`(?=\s*(?:$|[,:!?)]|(?:it|everything|all|now|immediately|asap|today|right away|effective|at the end|because|as|since|please|and|for|due|before)\b))`;

interface Rule {
  pattern: RegExp;
  /** 'Do not renew' is itself a request, so renewal rules skip the negation guard. */
  negatable: boolean;
}

const rule = (source: string, negatable = true): Rule => ({ pattern: new RegExp(source, 'gu'), negatable });

const RULES: readonly Rule[] = [
  rule(String.raw`\b(?:cancel|terminate|discontinue|cease)\s+${ANY_DET}${GAP}${OBJECT}\b`),
  rule(String.raw`\b(?:stop|end|close|deactivate|delete)\s+${OWN_DET}${GAP}${OBJECT}\b`),
  rule(String.raw`\b(?:want|wanna|wish|like|need|needs|decided|going|intend|planning|trying|asking|request|requesting)\s+(?:(?:you|us)\s+)?(?:to\s+)?cancel\b${BARE_END}`),
  rule(String.raw`\b(?:please|kindly)\s+cancel\b${BARE_END}`),
  rule(String.raw`\bhow\s+(?:do|can|could|should)\s+(?:i|we)\s+cancel\b${BARE_END}`),
  rule(String.raw`\b(?:can|could|would)\s+you\s+(?:please\s+)?cancel\b${BARE_END}`),
  rule(String.raw`\b(?:stop|disable|turn off|switch off|cancel|end|deactivate|remove|opt out of)\s+(?:(?:the|my|our)\s+)?(?:automatic|auto)[- ]?renew(?:al|als|ing)?\b`),
  rule(String.raw`\b(?:do not|don't|dont|please don't|never)\s+(?:auto[- ]?)?renew\b`, false),
  rule(String.raw`\b(?:don't|do not|no longer)\s+(?:want|wish|need)\s+to\s+renew\b`, false),
  rule(String.raw`\bstop\s+(?:the\s+)?(?:renewing|renewal|charging|billing)\s+(?:of\s+)?(?:me|us|my|our)\b`),
  rule(String.raw`\bunsubscribe\s+(?:(?:me|us)\s+)?(?:from\s+)?${ANY_DET}${GAP}${OBJECT}\b`),
  rule(String.raw`\bunsubscribe\s+(?:me|us)(?=\s*(?:$|[,!?]))`),
  rule(String.raw`\b(?:request|requesting|want|need|process|confirm|submit|submitting|accept)\s+(?:(?:a|the|my|our)\s+)?cancell?ation\b`),
  rule(String.raw`\bcancell?ation\s+(?:request|of\s+(?:my|our|the)\s+${GAP}${OBJECT}\b)`),
  rule(String.raw`\brefund\s+(?:and|&)\s+(?:to\s+)?(?:cancel|terminate)\b`),
  rule(String.raw`\b(?:cancel|terminate)\s+(?:and|&)\s+(?:get\s+)?(?:a\s+)?refund\b`),
];

/** 'I do not want to cancel', 'please don't cancel', 'I'm not asking you to cancel'. */
const NEGATED = /(?:\b(?:do|does|did|will|would|should)\s+not|\b(?:don't|dont|doesn't|didn't|won't|wouldn't|shouldn't|not|never|no need to|without))(?:\s+(?:really|actually|yet|ever))?(?:\s+(?:want|wish|need|plan|intend|mean|like|going|trying|try|ask|asking|asked))?(?:\s+(?:you|anyone|them|us))?(?:\s+to)?$/u;
/** 'when I click cancel my subscription ...': a UI step, not a request. */
const UI_STEP = /\b(?:click(?:ed|ing|s)?|press(?:ed|ing|es)?|tap(?:ped|ping|s)?|hit(?:ting|s)?|select(?:ed|ing|s)?|choose|chose)(?:\s+on)?(?:\s+the)?\s*["'“”]?$/u;
/** 'if I cancel my plan, ...', 'when users cancel the subscription ...': hypotheticals and product talk. */
const HYPOTHETICAL = /\b(?:(?:when|whenever|if|after|before|once|until)(?:\s+(?:i|we|you|they|users?|customers?|clients?|someone|somebody))?|users?|customers?|clients?|members?|buyers?)(?:\s+(?:can|could|will|would|try|tries|tried|want|wants|need|needs))?(?:\s+to)?$/u;
/** 'the cancel subscription button', 'cancellation request endpoint': names of product features. */
const FEATURE_NOUN = /^\s*["'“”]?\s*(?:button|link|dialog|dialogue|modal|popup|pop-up|page|screen|form|option|menu|feature|flow|workflow|endpoint|api|event|webhook|status|field|tab|icon|function|method|hook|template|label|module|widget)s?\b/u;

export function detectCancellationRequest(text: string): CancellationDetection {
  if (typeof text !== 'string') return { asksToCancel: false, matched: null };
  for (const clause of clauses(text)) {
    for (const { pattern, negatable } of RULES) {
      for (const m of clause.matchAll(pattern)) {
        const before = clause.slice(0, m.index).trimEnd();
        const after = clause.slice(m.index + m[0].length);
        if (negatable && NEGATED.test(before)) continue;
        if (UI_STEP.test(before) || HYPOTHETICAL.test(before) || FEATURE_NOUN.test(after)) continue;
        return { asksToCancel: true, matched: m[0].trim() };
      }
    }
  }
  return { asksToCancel: false, matched: null };
}

/** Sentences, lower-cased, with typographic apostrophes straightened so "don’t" reads as "don't". */
function clauses(text: string): string[] {
  const normalized = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[ \t\u00a0]+/g, ' ');
  return normalized.split(/[.;!?\n\r]+(?:\s|$)|[\n\r]+/u).map((c) => c.trim()).filter((c) => c.length > 0);
}
