import { PolicyInputError } from '../policy-input-error';

/**
 * round-half-up(numerator / denominator) for non-negative integers, computed exactly: products
 * of cents and milliseconds pass 2^53 quickly (a $1,000,000 plan x a 31-day lateness), where
 * floating point would misround quotients that sit on or next to .5.
 */
export function roundHalfUpRatio(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** A non-negative safe integer amount of cents, or a PolicyInputError naming `field`. */
export function requireCents(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new PolicyInputError(field, value, 'expected a non-negative whole number of cents');
  }
  return value;
}
