import { z } from 'zod';
import { idSchema, versionSchema } from '@shared/contract';
import type { WorkspaceIdentity } from '@shared/ipc/cache-channels';
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
  /** The policy version the ticket runs under; absent in indexes saved before versions were tracked. */
  policyVersion: z.number().int().positive().optional(),
  accountId: idSchema,
  assigneeId: idSchema.nullable(),
  /** Points already notified for this due instant, in minutes before it (0 = the breach). */
  notified: z.array(z.number().int().nonnegative()).max(10),
});
export type TrackedTicket = z.infer<typeof trackedTicketSchema>;

/**
 * Which workspace an index is of. An index saved before workspaces had ids knows only the address
 * (`workspaceId` null): the workspace found at that address adopts it, so an upgrade neither
 * repeats nor drops a notification.
 */
const indexedWorkspaceSchema = z.object({ workspaceId: idSchema.nullable(), backendUrl: z.string().max(2_000) });
type IndexedWorkspace = z.infer<typeof indexedWorkspaceSchema>;

const notifierIndexSchema = z.object({
  /** The workspace these tickets came from; signing in elsewhere switches to that workspace's index. */
  workspace: indexedWorkspaceSchema.nullable(),
  tickets: z.record(idSchema, trackedTicketSchema),
  /**
   * Approach thresholds (minutes) of each version of each workspace policy, from the synced policy
   * rows, keyed `<policy id>:<version number>` (see thresholdsKey); a bare policy id in indexes
   * saved before versions were tracked.
   */
  policies: z.record(idSchema, z.array(z.number().int().positive()).max(10)),
  /** Ticket id -> instant (ms) until which its notifications wait. */
  snoozes: z.record(idSchema, z.number().int()),
});
/** The index of one workspace: what the notifier watches while signed in to it. */
export type NotifierIndex = z.infer<typeof notifierIndexSchema>;

/** Indexes kept: the current workspace's and the last few others', so switching back does not notify again. */
export const MAX_KNOWN_WORKSPACES = 8;

const currentFormatSchema = z.object({
  format: z.literal(2),
  current: notifierIndexSchema,
  /** Indexes of workspaces signed out of, most recent first. */
  others: z.array(notifierIndexSchema).max(MAX_KNOWN_WORKSPACES - 1),
});

/** Format 1 (one index, its workspace a backend URL), read as format 2. */
const formatOneSchema = notifierIndexSchema
  .extend({ format: z.literal(1), workspace: z.string().max(2_000).nullable() })
  .transform(({ format: _format, workspace, ...index }): z.infer<typeof currentFormatSchema> => ({
    format: 2,
    current: { ...index, workspace: workspace === null ? null : { workspaceId: null, backendUrl: workspace } },
    others: [],
  }));

export const notifierStateSchema = z.discriminatedUnion('format', [currentFormatSchema, formatOneSchema]);
export type NotifierState = z.infer<typeof currentFormatSchema>;

/** Where the thresholds a ticket follows are kept: those of the policy version the ticket runs under. */
export function thresholdsKey(policyId: string, version: number | undefined): string {
  return version === undefined ? policyId : `${policyId}:${version}`;
}

export function emptyNotifierIndex(workspace: WorkspaceIdentity | null = null): NotifierIndex {
  return { workspace, tickets: {}, policies: {}, snoozes: {} };
}

export function emptyNotifierState(workspace: WorkspaceIdentity | null = null): NotifierState {
  return { format: 2, current: emptyNotifierIndex(workspace), others: [] };
}

/** Whether the index is of `workspace`, or was saved at its address before workspaces had ids. */
export function indexIsOf(indexed: IndexedWorkspace | null, workspace: WorkspaceIdentity): boolean {
  if (indexed === null || indexed.backendUrl !== workspace.backendUrl) return false;
  return indexed.workspaceId === null || indexed.workspaceId === workspace.workspaceId;
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
