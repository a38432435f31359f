import type { PolicyVersionRow } from '@shared/contract';
import { FIRST_VERSION_EFFECTIVE_FROM, versionInForce, type ResponseTarget, type SupportPolicy } from '@shared/policy';
import type { CachedPolicy } from '../db/cache-rows';
import { useWorkspacePolicies } from '../db/queue-queries';
import { useNow } from '../state/clock';
import { formatInZone } from '../ticket/format-time';

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

type VersionState = 'in force' | 'scheduled' | 'superseded' | 'earlier';

function stateOf(version: PolicyVersionRow, inForce: PolicyVersionRow, versions: readonly PolicyVersionRow[]): VersionState {
  if (version.number === inForce.number) return 'in force';
  if (version.number < inForce.number) return 'earlier';
  // A later version starting no later than this one takes its place before it begins.
  return versions.some((v) => v.number > version.number && v.effectiveFrom <= version.effectiveFrom) ? 'superseded' : 'scheduled';
}

/** Every version of a policy, newest first: from when, and what changed from the one before. */
function PolicyHistory({ row, inForce, zone }: { row: CachedPolicy; inForce: PolicyVersionRow; zone: string }) {
  return (
    <table className="policy-history" data-testid="policy-history" data-policy-id={row.id}>
      <caption>History of {inForce.policy.name}</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Effective from ({zone})</th>
          <th scope="col">State</th>
          <th scope="col">What changed</th>
        </tr>
      </thead>
      <tbody>
        {[...row.versions].reverse().map((version) => (
          <tr key={version.number} data-testid="policy-history-version" data-version={version.number}>
            <td>{version.number}</td>
            <td>{version.effectiveFrom === FIRST_VERSION_EFFECTIVE_FROM ? 'the start' : formatInZone(version.effectiveFrom, zone)}</td>
            <td>{stateOf(version, inForce, row.versions)}</td>
            <td>
              <ul>
                {version.summary.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WorkspacePolicy({ row, now, zone }: { row: CachedPolicy; now: number; zone: string }) {
  const inForce = versionInForce(row.versions, new Date(now).toISOString()) ?? (row.versions[0] as PolicyVersionRow);
  return (
    <>
      <PolicyCard policy={inForce.policy} />
      <PolicyHistory row={row} inForce={inForce} zone={zone} />
    </>
  );
}

/**
 * The workspace's policies as the backend defines them, read-only here (they are replaced on the
 * backend, see docs/policy-administration.md): the version new tickets get now, and the history.
 */
export function WorkspacePolicyPanel({ zone }: { zone: string }) {
  const policies = useWorkspacePolicies();
  const now = useNow();
  return (
    <section className="settings-form" aria-labelledby="policy-title">
      <h3 id="policy-title">Workspace policy</h3>
      <p className="panel-note">Defined by the backend and synced here; read-only.</p>
      {policies === undefined ? (
        <p className="panel-note">Reading…</p>
      ) : policies.length === 0 ? (
        <p className="panel-note">No policy synced yet.</p>
      ) : (
        policies.map((row) => <WorkspacePolicy key={row.id} row={row} now={now} zone={zone} />)
      )}
    </section>
  );
}
