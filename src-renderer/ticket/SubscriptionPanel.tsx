import type { ReactNode } from 'react';
import { formatCents, formatInZone } from './format-time';
import type { SubscriptionModel } from './subscription-model';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Plan, price, current cycle, pending downgrade, cancellation, and the credits still to apply. */
export function SubscriptionPanel({ model, zone }: { model: SubscriptionModel | null; zone: string }) {
  return (
    <section className="ticket-panel subscription-panel" aria-label="Subscription" data-testid="subscription-panel">
      <h2>Subscription</h2>
      {model === null ? (
        <p className="muted">The account has no subscription in the cache.</p>
      ) : (
        <dl>
          <Row label="Plan" testId="subscription-plan">{model.planName}</Row>
          <Row label="Price">{formatCents(model.monthlyPriceCents)} / month</Row>
          <Row label="Current cycle">{model.cycle === null ? 'not started' : `${formatInZone(model.cycle.start, zone)} – ${formatInZone(model.cycle.end, zone)}`}</Row>
          {model.pendingDowngrade !== null && (
            <Row label="Pending downgrade" testId="subscription-downgrade">
              to {model.pendingDowngrade.planName} from {formatInZone(model.pendingDowngrade.effectiveAt, zone)}
            </Row>
          )}
          {model.cancelAt !== null && <Row label="Cancels at" testId="subscription-cancel-at">{formatInZone(model.cancelAt, zone)}</Row>}
          {model.freeTerm !== null && (
            <Row label="Free Silver term">
              {formatInZone(model.freeTerm.startedAt, zone)} – {formatInZone(model.freeTerm.endsAt, zone)}
            </Row>
          )}
          {model.supportValidUntil !== null && <Row label="Support valid until">{formatInZone(model.supportValidUntil, zone)}</Row>}
          <Row label="Credits to apply" testId="subscription-credits">
            {model.creditsToApply.length === 0
              ? 'none'
              : `${formatCents(model.creditsToApplyCents)} (${model.creditsToApply.map((c) => `${formatCents(c.cents)} from ${formatInZone(c.appliesAt, zone)}`).join('; ')})`}
          </Row>
        </dl>
      )}
    </section>
  );
}
