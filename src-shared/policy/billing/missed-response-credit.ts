import { parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { requireCents, roundHalfUpRatio } from './exact-ratio';

/**
 * Credit in cents for a first response `latenessMs` late, in a cycle `cycleMs` long:
 * round-half-up(price x lateness / cycle length), capped at the price. Exact integer arithmetic.
 */
export function creditForLateness(monthlyPriceCents: number, latenessMs: number, cycleMs: number): number {
  if (latenessMs <= 0) return 0;
  if (latenessMs >= cycleMs) return monthlyPriceCents;
  return Number(roundHalfUpRatio(BigInt(monthlyPriceCents) * BigInt(latenessMs), BigInt(cycleMs)));
}

/** [start, end) of a billing cycle in epoch ms, or a PolicyInputError naming the offending field. */
export function requireCycle(cycleStart: unknown, cycleEnd: unknown): { startMs: number; endMs: number } {
  const startMs = parseInstant(cycleStart, 'cycleStart');
  const endMs = parseInstant(cycleEnd, 'cycleEnd');
  if (endMs <= startMs) throw new PolicyInputError('cycleEnd', cycleEnd, 'must be after cycleStart');
  return { startMs, endMs };
}

/**
 * Credit for a first staff reply posted at `repliedAt` against a due instant `dueAt`. The cycle
 * passed must be the billing cycle that contains the due instant (the policy divides by that
 * cycle's length), so a due instant outside it is rejected rather than silently mis-credited.
 */
export function missedResponseCredit(args: {
  dueAt: string;
  repliedAt: string;
  monthlyPriceCents: number;
  cycleStart: string;
  cycleEnd: string;
}): number {
  const dueMs = parseInstant(args.dueAt, 'dueAt');
  const repliedMs = parseInstant(args.repliedAt, 'repliedAt');
  const price = requireCents(args.monthlyPriceCents, 'monthlyPriceCents');
  const { startMs, endMs } = requireCycle(args.cycleStart, args.cycleEnd);
  if (dueMs < startMs || dueMs >= endMs) {
    throw new PolicyInputError('dueAt', args.dueAt, 'must lie inside the billing cycle [cycleStart, cycleEnd)');
  }
  return creditForLateness(price, Math.max(0, repliedMs - dueMs), endMs - startMs);
}
