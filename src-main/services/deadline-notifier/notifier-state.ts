import { z } from 'zod';
import { idSchema, versionSchema } from '@shared/contract';
import { planIdSchema } from '@shared/policy';

/**
 * The notifier's own small index of the open tickets it watches, persisted next to the settings.
 * It is kept here rather than read back from the cache because the cache lives in the renderer
 * (IndexedDB), which is not there while the window is closed or no browser tab is connected, and
 * the notifier has to keep working then, and right after a restart, before any window exists.
 */
export const trackedTicketSchema = z.object({
  id: idSchema,
  version: versionSchema,
  number: z.number().int().positive(),
  subject: z.string().max(300),
  dueAtMs: z.number().int(),
  plan: planIdSchema.nullable(),
  urgent: z.boolean(),
  policyId: idSchema,
  accountId: idSchema,
  assigneeId: idSchema.nullable(),
  /** Points already notified for this due instant, in minutes before it (0 = the breach). */
  notified: z.array(z.number().int().nonnegative()).max(10),
});
export type TrackedTicket = z.infer<typeof trackedTicketSchema>;

export const notifierStateSchema = z.object({
  format: z.literal(1),
  /** The backend these tickets came from; signing in elsewhere starts a fresh index. */
  workspace: z.string().max(2_000).nullable(),
  tickets: z.record(idSchema, trackedTicketSchema),
  /** Approach thresholds (minutes) of each workspace policy, from the synced policy rows. */
  policies: z.record(idSchema, z.array(z.number().int().positive()).max(10)),
  /** Ticket id -> instant (ms) until which its notifications wait. */
  snoozes: z.record(idSchema, z.number().int()),
});
export type NotifierState = z.infer<typeof notifierStateSchema>;

export function emptyNotifierState(workspace: string | null = null): NotifierState {
  return { format: 1, workspace, tickets: {}, policies: {}, snoozes: {} };
}

/** Where the notifier keeps its state across restarts. `load` returns null when nothing was saved. */
export interface NotifierStateStore {
  load(): Promise<NotifierState | null>;
  save(state: NotifierState): Promise<void>;
}

export function memoryNotifierStateStore(): NotifierStateStore & { saved: NotifierState | null } {
  const store = {
    saved: null as NotifierState | null,
    load: async () => (store.saved === null ? null : structuredClone(store.saved)),
    save: async (state: NotifierState) => {
      store.saved = structuredClone(state);
    },
  };
  return store;
}
