import { useCallback } from 'react';
import { agentApi } from '../bridge/agent';
import { useAgentCache } from '../db/cache-context';
import { enqueueAction } from '../db/outbox';
import { useEngineer } from '../db/queue-queries';
import { useSession } from '../state/session';

/**
 * Claims a ticket through the outbox: shown at once, sent when online, applied once. Resolves to
 * the words the queue shows about it.
 */
export function useClaim(): (ticketId: string, number: number) => Promise<string> {
  const db = useAgentCache();
  const engineerId = useSession((s) => s.session?.engineerId ?? null);
  const engineer = useEngineer(engineerId);
  return useCallback(
    async (ticketId, number) => {
      if (engineerId === null) return 'Sign in (Settings) to claim tickets: the backend has not said who you are yet.';
      const actor = { engineerId, engineerName: engineer?.name ?? engineerId };
      const result = await enqueueAction(db, { kind: 'claim', ticketId }, actor);
      if (!result.ok) return `Could not claim #${number}: ${result.error.message}`;
      void agentApi()?.kickOutbox();
      return `Claimed #${number}. It is sent to the backend as soon as it can be reached.`;
    },
    [db, engineerId, engineer],
  );
}
