import { join } from 'node:path';
import type { AgentEvent, AgentEventPayload } from '@shared/ipc/agent-channels';
import type { Logger } from '@shared/json-log';
import { AgentServices, type SessionStore } from '../services/agent-services';
import { fileNotifierStateStore } from '../services/deadline-notifier/notifier-state-file';
import { fileSettingsStore } from '../services/settings-store-file';
import type { ServiceIo } from './web-host';

/**
 * The main-process services as web mode runs them: the same AgentServices as Electron, their state
 * in the data folder (settings.json, notifier-state.json, the session), and every agent event
 * forwarded to the tabs.
 */
export function createWebServices(config: { dataDir: string; sessions: SessionStore; demo: boolean; logger: Logger }, io: ServiceIo): AgentServices {
  // Typed per event, so each event of agentEvents the services raise reaches the tabs as declared.
  const emit = <E extends AgentEvent>(event: E, payload: AgentEventPayload<E>): void => io.emit(event, payload);
  const warn = (message: string): void => config.logger.warn(message);
  return new AgentServices({
    cache: io.cache,
    sessions: config.sessions,
    settings: fileSettingsStore(join(config.dataDir, 'settings.json')),
    notifierStore: fileNotifierStateStore(join(config.dataDir, 'notifier-state.json'), warn),
    demo: config.demo,
    onStatus: (status) => emit('sync:status-changed', status),
    onClockSkew: (skew) => emit('clock:skew-changed', skew),
    // A browser cannot raise an OS notification for the host: the tab shows it, and opens the ticket on click itself.
    onNotification: (notification) => emit('notifier:show', notification),
    onDeadlineCounts: (counts) => emit('deadlines:counts', counts),
    onSnoozes: (snoozes) => emit('notifier:snoozes-changed', snoozes),
    onSession: (session) => emit('session:changed', session),
    warn,
  });
}
