import { useCallback } from 'react';
import { agentApi } from '../bridge/agent';
import type { CacheResult } from '../db/cache-result';
import { useAgentCache } from '../db/cache-context';
import type { OutboxActor, OutboxEntry } from '../db/cache-rows';
import { enqueueAction, type MutationDraft } from '../db/outbox';

/**
 * Every engineer action of the ticket view goes through the outbox (stored and shown at once,
 * offline too), then the host is asked to push; when offline the push waits for the connection.
 */
export function useTicketAction(actor: OutboxActor): (draft: MutationDraft) => Promise<CacheResult<OutboxEntry>> {
  const db = useAgentCache();
  const { engineerId, engineerName } = actor;
  return useCallback(
    async (draft: MutationDraft) => {
      const result = await enqueueAction(db, draft, { engineerId, engineerName });
      if (result.ok) void agentApi()?.kickOutbox();
      return result;
    },
    [db, engineerId, engineerName],
  );
}
