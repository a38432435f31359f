import { formatInZone } from './format-time';
import type { FlagsModel, TicketFlag } from './flags-model';
import { useComposerDrafts } from './composer-draft';

interface Props {
  ticketId: string;
  model: FlagsModel;
  zone: string;
}

function FlagText({ flag, ticketId, zone }: { flag: TicketFlag; ticketId: string; zone: string }) {
  switch (flag.kind) {
    case 'requester-not-holder':
      return (
        <>
          <strong>Requester is not the account holder.</strong> {flag.requesterEmail} wrote; the plan belongs to {flag.holderEmail}, and only the
          holder may use it.
        </>
      );
    case 'asks-to-cancel':
      return (
        <>
          <strong>The ticket asks to cancel</strong> (&ldquo;{flag.matched}&rdquo;). A ticket is not a cancellation: cancelling happens only on the
          manage-purchases page.
          <details className="suggested-reply">
            <summary>Suggested reply</summary>
            <pre>{flag.suggestedReply}</pre>
          </details>
          <button type="button" onClick={() => useComposerDrafts.getState().insertReply(ticketId, flag.suggestedReply)} data-testid="insert-cancellation-reply">
            Insert into reply
          </button>
        </>
      );
    case 'free-term-reused':
      return (
        <>
          <strong>Second use of the free Silver term.</strong> The term is usable once per account holder; used before by{' '}
          {flag.matches.map((m) => `${m.accountId} (same ${m.by}, ${formatInZone(m.usedAt, zone)})`).join(', ')}.
        </>
      );
    case 'urgent-not-applicable':
      return (
        <>
          <strong>Urgent flag does not apply.</strong> The {flag.planName} plan does not offer the urgent option; the normal target applies.
        </>
      );
    case 'not-entitled':
      return (
        <>
          <strong>Subscription not valid at creation.</strong>{' '}
          {flag.endedAt !== null ? `Support ended ${formatInZone(flag.endedAt, zone)}. ` : flag.startsAt !== null ? `Support starts ${formatInZone(flag.startsAt, zone)}. ` : ''}
          {flag.renewalHint}
        </>
      );
    case 'no-plan-at-creation':
      return (
        <>
          <strong>Subscription not valid at creation.</strong> No plan was active when the ticket was created, so no response guarantee applies.
        </>
      );
  }
}

/** Every policy rule the engineer must be warned about on this ticket; nothing when none applies. */
export function PolicyFlagsPanel({ ticketId, model, zone }: Props) {
  if (!model.ok) {
    return (
      <section className="ticket-panel flags-panel" aria-label="Policy flags">
        <p className="form-error">Policy flags cannot be evaluated: {model.message}</p>
      </section>
    );
  }
  if (model.flags.length === 0) return null;
  return (
    <section className="ticket-panel flags-panel" aria-label="Policy flags" data-testid="policy-flags">
      <ul>
        {model.flags.map((flag) => (
          <li key={flag.kind} className={`policy-flag flag-${flag.kind}`} data-testid="policy-flag" data-flag-kind={flag.kind}>
            <FlagText flag={flag} ticketId={ticketId} zone={zone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
