import { DateTime, IANAZone } from 'luxon';
import { formatInstant, parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';

/** A purchase or a paid renewal of the Support and Upgrades Subscription. */
export interface EntitlementEvent {
  kind: 'purchase' | 'renewal';
  /** ISO 8601 instant with an offset. */
  at: string;
  /** Months of support this event buys; defaults to the policy's months per purchase. */
  months?: number;
}

/** A half-open support window [start, end), ISO 8601 UTC instants. */
export interface EntitlementWindow {
  start: string;
  end: string;
}

export interface EntitlementWindowsArgs {
  /** IANA zone in which months are added (the policy calendar's zone). */
  timeZone: string;
  monthsPerPurchase: number;
  events: readonly EntitlementEvent[];
}

interface ParsedEvent {
  kind: 'purchase' | 'renewal';
  atMs: number;
  months: number;
  index: number;
}

/**
 * The end is recomputed from the window's anchor and total months rather than by adding to the
 * previous end, so a window that started on the 31st keeps ending on month-ends (31 Jan + 1 = 28 Feb,
 * + 2 = 31 Mar), not drifting to the 28th.
 */
interface Span {
  startMs: number;
  anchorMs: number;
  months: number;
  endMs: number;
}

/**
 * The support windows that a customer's purchases and renewals buy. Events are replayed in time
 * order because a renewal's effect depends on whether a window was valid when it was paid.
 */
export function entitlementWindows(args: EntitlementWindowsArgs): EntitlementWindow[] {
  const zone = checkZone(args.timeZone);
  const perPurchase = checkMonths(args.monthsPerPurchase, 'monthsPerPurchase');
  const events = parseEvents(args.events, perPurchase);
  const hasPurchase = events.some((e) => e.kind === 'purchase');
  const spans: Span[] = [];
  let prepaidMonths = 0;
  for (const event of events) {
    if (event.kind === 'purchase') {
      addPurchase(spans, event, prepaidMonths, zone);
      prepaidMonths = 0;
    } else if (spans.length === 0 && hasPurchase) {
      // Paid before the first window starts: it extends that window once the purchase opens it.
      prepaidMonths += event.months;
    } else {
      addRenewal(spans, event, zone);
    }
  }
  return spans.map((s) => ({ start: formatInstant(s.startMs), end: formatInstant(s.endMs) }));
}

function addPurchase(spans: Span[], event: ParsedEvent, prepaidMonths: number, zone: string): void {
  const months = event.months + prepaidMonths;
  const span = { startMs: event.atMs, anchorMs: event.atMs, months, endMs: addMonths(event.atMs, months, zone) };
  const last = spans.at(-1);
  if (last === undefined || event.atMs > last.endMs) {
    spans.push(span);
  } else if (span.endMs > last.endMs) {
    // Overlapping (or touching) purchases merge; the later end and its anchor win.
    Object.assign(last, { anchorMs: span.anchorMs, months: span.months, endMs: span.endMs });
  }
}

function addRenewal(spans: Span[], event: ParsedEvent, zone: string): void {
  const last = spans.at(-1);
  if (last !== undefined && event.atMs < last.endMs) {
    last.months += event.months;
    last.endMs = addMonths(last.anchorMs, last.months, zone);
    return;
  }
  // After a lapse the renewal buys support from the moment it is paid.
  const span = { startMs: event.atMs, anchorMs: event.atMs, months: event.months, endMs: 0 };
  span.endMs = addMonths(span.anchorMs, span.months, zone);
  if (last !== undefined && event.atMs === last.endMs) {
    Object.assign(last, { anchorMs: span.anchorMs, months: span.months, endMs: span.endMs });
  } else {
    spans.push(span);
  }
}

/** Calendar months in the policy's zone: wall-clock time is kept and the 31st clamps to month-end. */
export function addMonths(ms: number, months: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).plus({ months }).toMillis();
}

function parseEvents(events: readonly EntitlementEvent[], perPurchase: number): ParsedEvent[] {
  if (!Array.isArray(events)) throw new PolicyInputError('events', events, 'expected an array of events');
  const parsed = events.map((event, index): ParsedEvent => {
    const field = `events[${index}]`;
    if (event?.kind !== 'purchase' && event?.kind !== 'renewal') {
      throw new PolicyInputError(`${field}.kind`, event?.kind, "expected 'purchase' or 'renewal'");
    }
    const atMs = parseInstant(event.at, `${field}.at`);
    const months = event.months === undefined ? perPurchase : checkMonths(event.months, `${field}.months`);
    return { kind: event.kind, atMs, months, index };
  });
  // At equal instants: purchases first, so a renewal paid with the purchase extends its window, and
  // the longest purchase first, so prepaid months land on the merged window whatever the input order.
  const rank = (e: ParsedEvent): number => (e.kind === 'purchase' ? 0 : 1);
  return parsed.sort((a, b) => a.atMs - b.atMs || rank(a) - rank(b) || b.months - a.months || a.index - b.index);
}

function checkMonths(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1200) {
    throw new PolicyInputError(field, value, 'expected a whole number of months from 1 to 1200');
  }
  return value;
}

function checkZone(value: unknown): string {
  if (typeof value !== 'string' || !IANAZone.isValidZone(value)) {
    throw new PolicyInputError('timeZone', value, 'expected an IANA time zone such as America/New_York');
  }
  return value;
}
