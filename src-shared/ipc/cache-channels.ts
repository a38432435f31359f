import { z } from 'zod';
import { mutationResultSchema, mutationSchema } from '../contract/mutations';
import { idSchema } from '../contract/primitives';
import { syncCursorSchema, syncPageSchema } from '../contract/sync';
import { resultSchema } from './result';

/**
 * Requests the main process makes of the renderer's cache: the main process owns the network,
 * the renderer owns IndexedDB. Each channel is declared once, with the schema of its request and
 * of its response; the receiving side validates.
 */
export const applySummarySchema = z.object({
  upserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  purged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type ApplySummary = z.infer<typeof applySummarySchema>;

export const outboxEntrySchema = z.object({ mutation: mutationSchema, createdAt: z.iso.datetime({ offset: true }) });
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * Which workspace the cache holds: the id the backend reports (`GET /v1/me`) and the address it was
 * reached at. Either differing is another workspace: the cache never mixes two.
 */
export const workspaceIdentitySchema = z.object({ workspaceId: idSchema, backendUrl: z.string().min(1).max(2_000) });
export type WorkspaceIdentity = z.infer<typeof workspaceIdentitySchema>;

/**
 * What `cache:use-workspace` did. `kept`: the cache already held it; `adopted`: the cache was
 * empty; `started-afresh`: it held another workspace (`previous`, null when a cache from before
 * workspaces were recorded) and was cleared, cursor included. Unsent actions of the previous
 * workspace are `held` (kept aside, sent when the engineer signs in to it again) or, when that
 * workspace is unknown, `discarded`; held actions of this workspace come back as `restored`.
 */
export const workspaceSwitchSchema = z.object({
  outcome: z.enum(['kept', 'adopted', 'started-afresh']),
  previous: workspaceIdentitySchema.nullable(),
  held: z.number().int().nonnegative(),
  discarded: z.number().int().nonnegative(),
  restored: z.number().int().nonnegative(),
});
export type WorkspaceSwitch = z.infer<typeof workspaceSwitchSchema>;

const forWorkspace = { workspace: workspaceIdentitySchema };

/**
 * A page, the cursor it continues from (null: the first page of a first sync) and the workspace
 * it comes from. The cache stores the page only while it holds exactly that cursor of exactly that
 * workspace, so the sync engine may hand over the next page before the previous one committed: if
 * that one failed, or the engineer signed in elsewhere meanwhile, this one is refused whole.
 */
export const applyPageRequestSchema = z.object({ page: syncPageSchema, after: syncCursorSchema.nullable(), ...forWorkspace });
export type ApplyPageRequest = z.infer<typeof applyPageRequestSchema>;

export const cacheChannels = {
  /** Asked before every sync run: the cache holds this workspace afterwards, and says what it did. */
  'cache:use-workspace': { request: z.object(forWorkspace), response: resultSchema(workspaceSwitchSchema) },
  'cache:read-cursor': { request: z.object({}), response: resultSchema(syncCursorSchema.nullable()) },
  'cache:apply-page': { request: applyPageRequestSchema, response: resultSchema(applySummarySchema) },
  /** Refused unless the cache holds `workspace`: one workspace's actions are never sent to another. */
  'outbox:pending': { request: z.object({ limit: z.number().int().min(1).max(500), ...forWorkspace }), response: resultSchema(z.array(outboxEntrySchema)) },
  'outbox:settle': { request: z.object({ results: z.array(mutationResultSchema).max(500) }), response: resultSchema(z.null()) },
} as const;

export type CacheChannel = keyof typeof cacheChannels;
export type CacheRequest<C extends CacheChannel> = z.infer<(typeof cacheChannels)[C]['request']>;
export type CacheResponse<C extends CacheChannel> = z.infer<(typeof cacheChannels)[C]['response']>;

/** The renderer side implements this; the main process calls it through a transport. */
export type CacheHandlers = { [C in CacheChannel]: (request: CacheRequest<C>) => Promise<CacheResponse<C>> };
