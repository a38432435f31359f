import type { Logger } from '@shared/json-log';
import type { MirrorOutcome } from './run-mirror';

export interface MirrorLoop {
  /** Waits for a run under way, then stops. */
  stop(): Promise<void>;
}

/**
 * Mirrors every `pollIntervalMs` (from the end of one run to the start of the next), logging each
 * run that did something and each failure. The failure is also in connector_state (last_error);
 * neither ever holds the helpdesk token, which the connector keeps to itself.
 */
export function startMirrorLoop(run: () => Promise<MirrorOutcome>, options: { pollIntervalMs: number; logger: Logger; connector: string }): MirrorLoop {
  const { logger, connector } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const once = async () => {
    try {
      const outcome = await run();
      if (outcome.ran && outcome.error !== null) logger.error('the helpdesk mirror failed; it resumes from its mark on the next run', { connector, error: outcome.error });
      else if (outcome.ran && (outcome.tickets > 0 || outcome.waitedFor !== null)) {
        logger.info('mirrored helpdesk changes', { connector, tickets: outcome.tickets, created: outcome.created, removed: outcome.removed, entries: outcome.entries, waitedFor: outcome.waitedFor });
      }
    } catch (error) {
      logger.error('the helpdesk mirror failed; it resumes from its mark on the next run', { connector, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = once().finally(() => schedule(options.pollIntervalMs));
    }, delay);
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
}
