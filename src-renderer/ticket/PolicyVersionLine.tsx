import type { PolicyVersionRow } from '@shared/contract';
import { FIRST_VERSION_EFFECTIVE_FROM } from '@shared/policy';
import { formatInZone } from './format-time';

/**
 * Which version of the workspace policy the ticket runs under: the one in force when it was
 * created. Its hours, holidays and prices are what the due instant and any credit follow, even
 * after the policy changed.
 */
export function PolicyVersionLine({ version, zone }: { version: PolicyVersionRow; zone: string }) {
  const since = version.effectiveFrom === FIRST_VERSION_EFFECTIVE_FROM ? 'in force from the start' : `in force from ${formatInZone(version.effectiveFrom, zone)}`;
  return (
    <p className="panel-note" data-testid="ticket-policy-version" data-policy-version={version.number}>
      Under {version.policy.name}, version {version.number} ({since}): the version in force when this ticket was created.
    </p>
  );
}
