import { compilePolicy } from './compile-policy';
import { formatInstant, parseInstant } from './instant';
import type { SupportPolicy } from './policy-schema';

const MS_PER_DAY = 86_400_000;

/**
 * When customer login details must be gone: submission + the retention limit (at most 30 days).
 * Counted in exact elapsed time, not calendar days in a zone, so "at most 30 days" holds to the
 * millisecond in every zone, DST nights included.
 */
export function loginDetailsExpiresAt(policy: SupportPolicy, submittedAt: string): string {
  const { retentionDays } = compilePolicy(policy).policy.loginDetails;
  return formatInstant(parseInstant(submittedAt, 'submittedAt') + retentionDays * MS_PER_DAY);
}

/** Whether login details submitted at `submittedAt` must already be deleted at `now`. */
export function loginDetailsExpired(policy: SupportPolicy, submittedAt: string, now: string): boolean {
  return parseInstant(now, 'now') >= parseInstant(loginDetailsExpiresAt(policy, submittedAt), 'submittedAt');
}
