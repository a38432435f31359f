import { z } from 'zod';
import { mutationResultSchema, mutationSchema } from '../contract/mutations';
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
 * A page and the cursor it continues from (null: the first page of a first sync). The cache
 * stores the page only while it holds exactly that cursor, so the sync engine may hand over the
 * next page before the previous one committed: if that one failed, this one is refused whole.
 */
export const applyPageRequestSchema = z.object({ page: syncPageSchema, after: syncCursorSchema.nullable() });
export type ApplyPageRequest = z.infer<typeof applyPageRequestSchema>;

export const cacheChannels = {
  'cache:read-cursor': { request: z.object({}), response: resultSchema(syncCursorSchema.nullable()) },
  'cache:apply-page': { request: applyPageRequestSchema, response: resultSchema(applySummarySchema) },
  'outbox:pending': { request: z.object({ limit: z.number().int().min(1).max(500) }), response: resultSchema(z.array(outboxEntrySchema)) },
  'outbox:settle': { request: z.object({ results: z.array(mutationResultSchema).max(500) }), response: resultSchema(z.null()) },
} as const;

export type CacheChannel = keyof typeof cacheChannels;
export type CacheRequest<C extends CacheChannel> = z.infer<(typeof cacheChannels)[C]['request']>;
export type CacheResponse<C extends CacheChannel> = z.infer<(typeof cacheChannels)[C]['response']>;

/** The renderer side implements this; the main process calls it through a transport. */
export type CacheHandlers = { [C in CacheChannel]: (request: CacheRequest<C>) => Promise<CacheResponse<C>> };
