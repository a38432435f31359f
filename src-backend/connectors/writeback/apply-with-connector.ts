import type { Mutation, MutationBatch, MutationBatchResponse, MutationResult } from '@shared/contract';
import { applyMutations } from '../../domain/mutations/apply-mutations';
import { RequestError } from '../../support-center';
import { writeBack, writesBack, type WritebackDeps } from './write-back';
import { linksOf } from './writeback-rows';

/**
 * A batch when a helpdesk is connected. Actions on tickets that are not linked to it, and actions
 * the helpdesk has no notion of (checklist answers, categories, login-detail purges), run as
 * without a connector, consecutive ones in one transaction; each action for a linked ticket goes
 * to the helpdesk first (writeBack). In batch order: a 503 for an action the helpdesk could not
 * take leaves the rest of the batch for the resend, whose earlier keys answer their stored results.
 */
export async function applyWithConnector(deps: WritebackDeps, engineerId: string, batch: MutationBatch): Promise<MutationBatchResponse> {
  const { rows } = await deps.db.query<{ name: string; email: string }>('SELECT name, email FROM engineers WHERE id = $1', [engineerId]);
  if (rows[0] === undefined) throw new RequestError(403, 'forbidden', 'the engineer of this token no longer exists');
  const engineer = { id: engineerId, ...rows[0] };
  // A ticket is linked when the mirror creates it and never later, so reading links first is safe.
  const links = await linksOf(deps.db, deps.connector.kind, batch.mutations.map((m) => m.ticketId));
  const results: MutationResult[] = [];
  let local: Mutation[] = [];
  const flush = async (): Promise<void> => {
    if (local.length === 0) return;
    const mutations = local;
    local = [];
    results.push(...(await deps.write((tx) => applyMutations(tx, deps.policies, engineerId, { mutations }, deps.clock()))).results);
  };
  for (const mutation of batch.mutations) {
    const link = links.get(mutation.ticketId);
    if (link === undefined || !writesBack(mutation)) {
      local.push(mutation);
      continue;
    }
    await flush();
    results.push(await writeBack(deps, engineer, mutation, link));
  }
  await flush();
  return { results };
}
