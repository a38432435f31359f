import { PolicyInputError } from '../policy-input-error';
import { normalizeEmail } from './holder-identity';

/**
 * A plan may be used only by its account holder: false (flag the ticket) for anyone else,
 * including a requester with no email at all.
 */
export function requesterIsAccountHolder(args: { requesterEmail: string; holderEmail: string }): boolean {
  if (typeof args.requesterEmail !== 'string') {
    throw new PolicyInputError('requesterEmail', args.requesterEmail, 'expected an email address string');
  }
  if (typeof args.holderEmail !== 'string' || normalizeEmail(args.holderEmail) === '') {
    throw new PolicyInputError('holderEmail', args.holderEmail, 'expected the account holder email');
  }
  const requester = normalizeEmail(args.requesterEmail);
  return requester !== '' && requester === normalizeEmail(args.holderEmail);
}
