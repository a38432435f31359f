import type { OutboxActor } from '../db/cache-rows';
import { useEngineer } from '../db/ticket-queries';
import { useSession } from '../state/session';

export interface EngineerContext {
  /** Who the outbox records as acting; the server decides from the token in the end. */
  actor: OutboxActor;
  /** The zone the engineer reads times in (settings; this machine's until they load). */
  zone: string;
  /** Why reveal cannot reach the backend right now, or null when it may try. */
  offlineReason: string | null;
}

/** The signed-in engineer as the shell last heard from the main process (unknown while offline since launch). */
export function useEngineerContext(): EngineerContext {
  const engineerId = useSession((s) => s.session?.engineerId ?? null);
  const zone = useSession((s) => s.settings.zone);
  const sync = useSession((s) => s.syncStatus);
  const problem = useSession((s) => s.agentProblem);
  const engineer = useEngineer(engineerId);
  const offlineReason = problem ?? (sync?.kind === 'offline' ? 'the backend cannot be reached (offline)' : null);
  return { actor: { engineerId: engineerId ?? 'me', engineerName: engineer?.name ?? 'You' }, zone, offlineReason };
}
