import { policyReplacementSchema, type PolicyReplaced, type RecomputeReport, type WorkspacePolicies } from '@shared/contract';
import { FIRST_VERSION_EFFECTIVE_FROM, supportPolicySchema } from '@shared/policy';
import { notifyingWrite } from '../db/notifying-write';
import type { Database, Queryable } from '../db/database';
import type { AdminContext } from '../domain/policy-versions/admin-audit';
import { recomputeOpenTickets } from '../domain/policy-versions/recompute-open-tickets';
import { replacePolicy } from '../domain/policy-versions/replace-policy';
import { showPolicies } from '../domain/policy-versions/show-policies';
import { validateInput } from '../http/validate-input';

/**
 * The `policy` group of the admin command: one function per action, each taking the database and
 * running the same domain function the HTTP endpoint runs. Writes NOTIFY like the server's, so
 * running instances tell their clients at once.
 */

function write<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return notifyingWrite(db, work);
}

export function policyShow(db: Database, ctx: AdminContext): Promise<WorkspacePolicies> {
  return db.transaction((tx) => showPolicies(tx, ctx.clock()));
}

/**
 * A new version from a policy document (the JSON of one policy, as `policy show --json` prints
 * it under `versions[].policy`). Problems name their path in the document: `calendar.week.3[0].end`.
 */
export function policyReplace(db: Database, ctx: AdminContext, document: unknown, effectiveFrom: string): Promise<PolicyReplaced> {
  const policy = validateInput(supportPolicySchema, document, 'body');
  return write(db, (tx) => replacePolicy(tx, { policy, effectiveFrom: validateEffective(effectiveFrom) }, ctx));
}

export function policyRecompute(db: Database, ctx: AdminContext): Promise<RecomputeReport> {
  return write(db, (tx) => recomputeOpenTickets(tx, ctx));
}

const effectiveSchema = policyReplacementSchema.pick({ effectiveFrom: true });

/** `--effective`: an ISO instant with an offset, or `now`. */
function validateEffective(text: string): string {
  return validateInput(effectiveSchema, { effectiveFrom: text }, 'body').effectiveFrom;
}

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
