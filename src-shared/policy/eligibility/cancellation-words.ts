/** The words cancellation-request detection reads a clause with, by the part they play. */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/u).filter((w) => w !== ''));

/** What a request asks about: `me`, `us` ("unsubscribe us", "stop billing me"). */
export const SELF = set('me us');

export type VerbForm = 'base' | 'gerund' | 'past' | 'third';

export interface EndVerb {
  readonly base: string;
  readonly form: VerbForm;
  /**
   * `strong` verbs mean ending a contract whatever the object's determiner ("cancel the plan");
   * `weak` ones end all kinds of things ("stop the service"), so they count only with the
   * customer's own object ("stop my subscription") or a renewal.
   */
  readonly strength: 'strong' | 'weak';
}

/** How a verb is written: `cancel`, `cancelling`, `cancelled`, `cancels`, and any further spellings. */
function forms(strength: EndVerb['strength'], base: string, gerund: string, past: string, ...more: Array<[string, VerbForm]>): Array<[string, EndVerb]> {
  const all: Array<[string, VerbForm]> = [[base, 'base'], [gerund, 'gerund'], [past, 'past'], [base.endsWith('h') ? `${base}es` : `${base}s`, 'third'], ...more];
  return all.map(([w, form]) => [w, { base, form, strength }]);
}

/** Verbs that end something. */
export const END_VERBS: ReadonlyMap<string, EndVerb> = new Map([
  ...forms('strong', 'cancel', 'cancelling', 'cancelled', ['canceling', 'gerund'], ['canceled', 'past']),
  ...forms('strong', 'terminate', 'terminating', 'terminated'),
  ...forms('strong', 'discontinue', 'discontinuing', 'discontinued'),
  ...forms('strong', 'cease', 'ceasing', 'ceased'),
  ...forms('strong', 'unsubscribe', 'unsubscribing', 'unsubscribed'),
  ...forms('weak', 'stop', 'stopping', 'stopped'),
  ...forms('weak', 'end', 'ending', 'ended'),
  ...forms('weak', 'close', 'closing', 'closed'),
  ...forms('weak', 'deactivate', 'deactivating', 'deactivated'),
  ...forms('weak', 'delete', 'deleting', 'deleted'),
  ...forms('weak', 'remove', 'removing', 'removed'),
  ...forms('weak', 'disable', 'disabling', 'disabled'),
  ...forms('weak', 'turn', 'turning', 'turned'),
  ...forms('weak', 'switch', 'switching', 'switched'),
  ...forms('weak', 'opt', 'opting', 'opted'),
  ...forms('weak', 'kill', 'killing', 'killed'),
]);

/** Verbs that need a particle to end something: `turn off`, `switch off`, `opt out`. */
export const PARTICLES: ReadonlyMap<string, string> = new Map([
  ['turn', 'off'],
  ['switch', 'off'],
  ['opt', 'out'],
]);

/** Renewing: a request when negated ("do not renew", "we will not be renewing"). */
export const RENEW_VERBS: ReadonlyMap<string, EndVerb> = new Map([
  ...forms('strong', 'renew', 'renewing', 'renewed'),
  ...forms('strong', 'auto-renew', 'auto-renewing', 'auto-renewed'),
  ...forms('strong', 'autorenew', 'autorenewing', 'autorenewed'),
]);

/** Going on with something: a request when negated and said of the customer's own plan ("we will not continue our subscription"). */
export const CONTINUE_VERBS: ReadonlyMap<string, EndVerb> = new Map([
  ...forms('strong', 'continue', 'continuing', 'continued'),
  ...forms('strong', 'keep', 'keeping', 'kept'),
  ...forms('strong', 'extend', 'extending', 'extended'),
]);

/** Nouns that name the request itself: "cancellation of our plan", "notice of non-renewal". */
export const REQUEST_NOUNS = set('cancellation cancelation termination non-renewal nonrenewal');
/** What a request noun may be followed by when it names the request: "cancellation request". */
export const REQUEST_HEADS = set('request notice');
/** Verbs that ask for a request noun: "please process our cancellation". */
export const ASKING_VERBS = set('request requesting requested process submit submitting accept initiate start file want need like');

/** `stop charging me`, `stop using your support plan`: what stopping them ends. */
export const STOPPED_ACTIVITIES = set('charging billing renewing using taking');

/** "We no longer need your support plan". */
export const NEED_VERBS = set('need needing want require requiring use using');
/** "We don't need support anymore", "we won't be needing our plan"; not "we don't need support for this". */
export const NO_LONGER_TAILS = set('anymore');

/** What the customer holds with the vendor and may end. */
export const OWN_OBJECTS = set(`
  subscription subscriptions plan plans account accounts license licenses licence licences membership memberships
  renewal renewals auto-renewal auto-renewals autorenewal auto-renew autorenew contract contracts agreement agreements
  support maintenance service services trial trials`);
/** Renewals may be stopped by any verb and with any determiner: "disable autorenewal". */
export const RENEWAL_OBJECTS = set('renewal renewals auto-renewal auto-renewals autorenewal auto-renew autorenew renew renewing');
/** "the recurring payment for my plan" is the subscription itself. */
export const RECURRING = set('recurring automatic auto monthly yearly annual');
export const BILLING_OBJECTS = set('payment payments billing charge charges');

/** Things that are cancelled without ending a subscription: orders of the customer's shop, jobs, tickets. */
export const OTHER_OBJECTS = set(`
  order orders pre-order pre-orders invoice invoices payment payments refund refunds charge charges transaction transactions
  shipment shipments label labels booking bookings reservation reservations appointment appointments export exports
  import imports job jobs task tasks sync upload uploads download downloads update updates upgrade upgrades downgrade
  downgrades migration migrations backup backups request requests ticket tickets meeting meetings call calls demo demos
  newsletter newsletters email emails e-mail e-mails mail mails list lists notification notifications reminder reminders
  message messages edit edits change changes operation operations process transfer transfers delivery deliveries
  installation checkout cart carts coupon coupons card cards promotion promotions campaign campaigns event events
  webinar webinars session sessions print report reports feature features button buttons query queries schedule post
  posts draft drafts quote quotes estimate estimates domain domains credit`);

/** Names of product features: "the cancel subscription button", "the cancellation request endpoint". */
export const FEATURE_NOUNS = set(`
  button buttons link links dialog dialogue modal popup pop-up page pages screen form forms option options menu feature
  features flow flows workflow endpoint endpoints api event events webhook webhooks status field fields tab icon function
  method hook hooks template templates label module widget email emails policy fee fees reason reasons survey setting
  settings action actions logic handler rate rates date dates confirmation confirmations receipt number`);

/** Words after the object that place the act inside the customer's product: "programmatically", "via the API". */
export const PRODUCT_CONTEXT = set('programmatically api endpoint webhook hook code script plugin add-on addon module widget sandbox staging');

/** Whoever the customer's own product serves: when they cancel, or it is theirs, it is product talk. */
export const PEOPLE = set(`
  customer customers user users member members subscriber subscribers client clients buyer buyers shopper shoppers visitor visitors student students patient patients guest guests player
  players reader readers participant participants attendee attendees people someone somebody anyone everyone they he she
  them their theirs his her`);
/** The customer's product and its parts, when they are what cancels: "the plugin should cancel the subscription". */
export const PRODUCT_PARTS = set(`
  plugin plugins add-on addon extension module system app application site website store shop script webhook cron gateway
  stripe paypal woocommerce button code it admin admins administrator administrators`);

export const DETERMINERS = set('my our your the this that these those its a an any some each every their his her all both');
export const OWN_DETERMINERS = set('my our your');
export const GENERIC_DETERMINERS = set('a an any some each every');
/** Pronouns that stand for an object named earlier. */
export const PRONOUN_OBJECTS = set('it this that them everything all');

/** Where an object phrase ends. */
export const PHRASE_ENDS = set(`
  , ( ) " ' for of in on at with from to by before after because as since so and or but if when please now immediately
  today asap effective starting then thanks thank which who whom is are was were will would can could should must may
  might do does did has have had be been being am too also right myself ourselves via through until once`);

/** Words a verb group is made of, read leftwards from the verb: "we do not want to cancel". */
export const NEGATORS = set('not never no without');
export const AUXILIARIES = set('do does did will would shall should must can could may might am is are was were be been being have has had');
export const PAST_AUXILIARIES = set('did was were had');
export const BE = set('am is are be');
export const MODALS = set('can could would will shall may might should must');
export const DESIRES = set(`
  want wants wanted wanna gonna like love wish wishes need needs needed intend intends intention intentions planning
  going decided decide decision trying try tries attempting asking ask asked request requesting writing write contacting
  looking hoping hope mean meant prefer desire able unable help sure`);
export const FILLERS = set(`
  to please kindly just also really actually simply hereby now therefore so then finally formally officially immediately
  rather definitely certainly unfortunately sadly reluctantly that of and or & auto automatically us me make`);
export const SUBJECTS = set('i we you they he she someone somebody');
/** Conditions and times: "if I cancel", "when users cancel", "before cancelling". */
export const HYPOTHETICALS = set('if when whenever once after before until unless whether while instead');
export const QUESTIONS = set('how where why');
export const UI_STEPS = set('click clicked clicking clicks press pressed pressing presses tap tapped tapping hit hitting select selected selecting choose chose choosing');
export const RELATIVES = set('who that which');
export const PLEASE = set('please kindly');
export const REFUND = set('refund');
