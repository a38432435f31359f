import type { ReactNode } from 'react';
import type { CreditRow, SubscriptionRow } from '@shared/contract';
import type { SupportPolicy } from '@shared/policy';
import { formatCents, formatInZone } from '../ticket/format-time';
import { subscriptionModel } from '../ticket/subscription-model';

export interface SubscriptionCardProps {
  subscription: SubscriptionRow;
  policy: SupportPolicy | undefined;
  policyName: string;
  credits: readonly CreditRow[];
  now: number;
  zone: string;
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** One subscription: plan, price, cycles and changes, as the engine reads the row at `now`. */
export function SubscriptionCard({ subscription: sub, policy, policyName, credits, now, zone }: SubscriptionCardProps) {
  if (policy === undefined) {
    return (
      <article className="subscription-card" data-testid="subscription-card" data-subscription-id={sub.id}>
        <p className="panel-note">Policy {sub.policyId} is not cached yet; the plan is {sub.plan}.</p>
      </article>
    );
  }
  const model = subscriptionModel(policy, sub, credits, now);
  const at = (iso: string) => formatInZone(iso, zone);
  const nowMs = now;
  return (
    <article className="subscription-card" data-testid="subscription-card" data-subscription-id={sub.id}>
      <header className="subscription-card-head">
        <span className={`plan-chip plan-${model.planId ?? 'none'}`} data-testid="subscription-plan">
          {model.planName}
        </span>
        <span className="muted">{policyName}</span>
        <span className="subscription-price" data-testid="subscription-price">
          {formatCents(model.monthlyPriceCents)} / month
        </span>
      </header>
      <dl className="subscription-fields">
        <Field label="Cycle anchor">{at(sub.anchor)} ({sub.timeZone})</Field>
        <Field label="Current cycle" testId="subscription-cycle">
          {model.cycle === null ? 'not started' : `#${model.cycle.index + 1}: ${at(model.cycle.start)} – ${at(model.cycle.end)}`}
        </Field>
        <Field label="Pending downgrade" testId="subscription-downgrade">
          {model.pendingDowngrade === null ? 'none' : `to ${model.pendingDowngrade.planName} on ${at(model.pendingDowngrade.effectiveAt)}`}
        </Field>
        <Field label="Cancels at" testId="subscription-cancel">
          {sub.cancelAt === null ? 'not cancelled' : `${at(sub.cancelAt)} (requested ${sub.cancelRequestedAt === null ? '—' : at(sub.cancelRequestedAt)})`}
        </Field>
        <Field label="Free term">{sub.freeTerm === null ? 'none' : `${at(sub.freeTerm.startedAt)} – ${at(sub.freeTerm.endsAt)}`}</Field>
      </dl>
      {sub.entitlementWindows.length > 0 && (
        <div className="entitlement-windows">
          <h4>Support windows</h4>
          <ul data-testid="entitlement-windows">
            {sub.entitlementWindows.map((w) => {
              const active = Date.parse(w.start) <= nowMs && nowMs < Date.parse(w.end);
              return (
                <li key={w.start} className={active ? 'window-active' : undefined}>
                  {at(w.start)} – {at(w.end)}
                  {active && <strong> (now)</strong>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </article>
  );
}
