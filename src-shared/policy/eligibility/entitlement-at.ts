import { formatInstant, parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import type { EntitlementWindow } from './entitlement-windows';

export type EntitlementStatus =
  | { entitled: true; window: EntitlementWindow }
  | {
      entitled: false;
      /** End of the latest window that ended at or before the creation instant. */
      endedAt: string | null;
      /** Start of the next window, when the ticket was created before one. */
      startsAt: string | null;
      /** What to tell the customer (and the engineer) about getting support again. */
      renewalHint: string;
    };

export interface EntitlementAtOptions {
  /** Where the customer renews; quoted in the hint when given. */
  renewalUrl?: string | null;
  /** Field name used in input errors, e.g. `facts.entitlementWindows`. */
  field?: string;
}

interface ParsedWindow {
  startMs: number;
  endMs: number;
}

/**
 * Whether a ticket created at `createdAt` is entitled to support. Windows are half-open: a ticket
 * created at the exact end instant is already outside, so a renewal must be paid before that instant.
 */
export function entitlementAt(
  windows: readonly EntitlementWindow[],
  createdAt: string,
  options: EntitlementAtOptions = {},
): EntitlementStatus {
  const parsed = parseWindows(windows, options.field ?? 'windows');
  const createdMs = parseInstant(createdAt, 'createdAt');
  const inside = parsed.find((w) => w.startMs <= createdMs && createdMs < w.endMs);
  if (inside !== undefined) {
    return { entitled: true, window: { start: formatInstant(inside.startMs), end: formatInstant(inside.endMs) } };
  }
  const ended = parsed.filter((w) => w.endMs <= createdMs).map((w) => w.endMs);
  const upcoming = parsed.filter((w) => w.startMs > createdMs).map((w) => w.startMs);
  const endedAt = ended.length > 0 ? formatInstant(Math.max(...ended)) : null;
  const startsAt = upcoming.length > 0 ? formatInstant(Math.min(...upcoming)) : null;
  return { entitled: false, endedAt, startsAt, renewalHint: renewalHint(endedAt, startsAt, options.renewalUrl) };
}

function renewalHint(endedAt: string | null, startsAt: string | null, renewalUrl: string | null | undefined): string {
  const parts: string[] = [];
  if (endedAt !== null) {
    parts.push(`The Support and Upgrades Subscription ended at ${endedAt}.`);
    parts.push('A paid renewal starts a new support window from the renewal date.');
  } else if (startsAt === null) {
    parts.push('No Support and Upgrades Subscription is on record for this customer.');
    parts.push('A purchase or a paid renewal includes support from its date.');
  }
  if (startsAt !== null) {
    parts.push(`The ticket was created before the next support window, which starts at ${startsAt}.`);
  }
  if (renewalUrl) parts.push(`Renew at ${renewalUrl}`);
  return parts.join(' ');
}

function parseWindows(windows: readonly EntitlementWindow[], field: string): ParsedWindow[] {
  if (!Array.isArray(windows)) throw new PolicyInputError(field, windows, 'expected an array of windows');
  return windows.map((w, i) => {
    const startMs = parseInstant(w?.start, `${field}[${i}].start`);
    const endMs = parseInstant(w?.end, `${field}[${i}].end`);
    if (endMs < startMs) throw new PolicyInputError(`${field}[${i}].end`, w.end, 'the window ends before it starts');
    return { startMs, endMs };
  });
}
