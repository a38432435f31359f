import type { ResponseTarget, SupportPolicy } from '@shared/policy';
import { useWorkspacePolicies } from '../db/queue-queries';

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const PRESET_NAMES = { 'plan-sla': 'Plan-based SLA', 'subscription-scope': 'Subscription-scoped support' } as const;

function targetWords(target: ResponseTarget | null): string {
  if (target === null) return 'not offered';
  return target.kind === 'business-hours' ? `${target.hours} business hours` : `next business day (${target.endOfDay === 'close' ? 'by close' : 'by midnight'})`;
}

function weekWords(policy: SupportPolicy): string[] {
  return DAY_NAMES.map((name, i) => {
    const intervals = policy.calendar.week[String(i + 1) as '1'] ?? [];
    return `${name} ${intervals.length === 0 ? 'closed' : intervals.map((w) => `${w.start}–${w.end}`).join(', ')}`;
  });
}

function PolicyCard({ policy }: { policy: SupportPolicy }) {
  return (
    <article className="policy-card" data-testid="workspace-policy">
      <h4>
        {policy.name}
        {policy.name !== PRESET_NAMES[policy.preset] && <span className="muted"> · {PRESET_NAMES[policy.preset]}</span>}
      </h4>
      <dl className="policy-facts">
        <dt>Business calendar</dt>
        <dd>
          {policy.calendar.timeZone}: {weekWords(policy).join(' · ')}
        </dd>
        <dt>Holidays</dt>
        <dd>{policy.calendar.holidays.length === 0 ? 'none' : policy.calendar.holidays.map((h) => h.name).join(', ')}</dd>
        <dt>First response</dt>
        <dd>
          <ul>
            {policy.plans.map((plan) => (
              <li key={plan.id}>
                {plan.name}: {targetWords(plan.normal)}; urgent {targetWords(plan.urgent)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Warnings before due</dt>
        <dd>{policy.approachThresholdsMinutes.length === 0 ? 'none' : policy.approachThresholdsMinutes.map((m) => `${m} min`).join(', ')}</dd>
        <dt>Guarantees</dt>
        <dd>
          Response targets {policy.guarantees.responseTargets ? 'guaranteed' : 'not guaranteed'}; credits {policy.guarantees.credits ? 'apply' : 'do not apply'}
        </dd>
        <dt>Entitlement</dt>
        <dd>{policy.entitlement.required ? `a valid subscription window is required (${policy.entitlement.monthsPerPurchase} months per purchase)` : 'not required'}</dd>
      </dl>
    </article>
  );
}

/** The workspace's policies as the backend defines them: read-only here, edited on the backend. */
export function WorkspacePolicyPanel() {
  const policies = useWorkspacePolicies();
  return (
    <section className="settings-form" aria-labelledby="policy-title">
      <h3 id="policy-title">Workspace policy</h3>
      <p className="panel-note">Defined by the backend and synced here; read-only.</p>
      {policies === undefined ? (
        <p className="panel-note">Reading…</p>
      ) : policies.length === 0 ? (
        <p className="panel-note">No policy synced yet.</p>
      ) : (
        policies.map((row) => <PolicyCard key={row.id} policy={row.policy} />)
      )}
    </section>
  );
}
