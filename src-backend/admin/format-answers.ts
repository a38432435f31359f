import type { BillingImportSummary, PolicyReplaced, RecomputeReport, WorkspacePolicies } from '@shared/contract';
import { FIRST_VERSION_EFFECTIVE_FROM } from '@shared/policy';

/** How the admin command prints the answers of the policy and billing endpoints for people. */

const since = (instant: string) => (instant === FIRST_VERSION_EFFECTIVE_FROM ? 'from the start' : `from ${instant}`);

export function formatPolicies(shown: WorkspacePolicies): string {
  return shown.policies
    .map((p) => [
      `${p.id}  ${p.name}  (version ${p.inForce} in force at ${shown.serverTime})`,
      ...p.versions.map((v) => `  v${v.number}  ${since(v.effectiveFrom)}: ${v.summary.join('; ')}`),
    ].join('\n'))
    .join('\n\n');
}

export function formatReplaced(replaced: PolicyReplaced): string {
  const { version } = replaced;
  return [`${replaced.policyId} version ${version.number}, ${since(version.effectiveFrom)}:`, ...version.summary.map((line) => `  - ${line}`)].join('\n');
}

export function formatRecompute(report: RecomputeReport): string {
  const head = `${report.examined} open ticket(s) moved to the version in force at ${report.at}; ${report.moved.length} due instant(s) moved, ${report.unchanged} unchanged`;
  return [head, ...report.moved.map((m) => `  #${m.number} (${m.ticketId}) ${m.policyId} v${m.fromVersion} -> v${m.toVersion}: due ${m.dueAtBefore ?? 'none'} -> ${m.dueAtAfter ?? 'none'}`)].join('\n');
}

export function formatImport(file: string, s: BillingImportSummary): string {
  const counts = (c: BillingImportSummary['accounts']): string => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  return [
    `imported ${file}`,
    `  accounts:      ${counts(s.accounts)}`,
    `  subscriptions: ${counts(s.subscriptions)}`,
    `  tickets derived again: ${s.ticketsRederived}`,
    `  credits:       ${s.credits.created} created, ${s.credits.updated} updated, ${s.credits.deleted} deleted`,
  ].join('\n');
}
