import { z } from 'zod';
import { PolicyInputError } from '../policy-input-error';

export interface CancellationReplyArgs {
  managePurchasesUrl: string;
  customerName?: string | null;
}

const urlSchema = z.url({ protocol: /^https?$/ });

/**
 * The reply offered for a ticket that asks to cancel. It must say plainly that the ticket did not
 * cancel anything, or the customer assumes it did and disputes the next charge.
 */
export function cancellationReply(args: CancellationReplyArgs): string {
  const url = urlSchema.safeParse(args.managePurchasesUrl);
  if (!url.success) {
    throw new PolicyInputError('managePurchasesUrl', args.managePurchasesUrl, 'expected an http(s) URL');
  }
  const name = typeof args.customerName === 'string' ? args.customerName.trim() : '';
  return [
    name === '' ? 'Hello,' : `Hello ${name},`,
    '',
    'Thank you for contacting us about cancelling your subscription.',
    '',
    `Subscriptions can be cancelled only on the manage-purchases page: ${url.data}`,
    '',
    'A ticket, email or phone call asking to cancel is not a cancellation, so your subscription has not been cancelled by this request. Please cancel it on that page.',
    '',
    'Once you cancel there, the cancellation takes effect at the end of your current billing cycle; until then your subscription stays active and you can keep using support.',
    '',
    'Best regards',
  ].join('\n');
}
