import { z } from 'zod';
import {
  accountRowSchema,
  creditRowSchema,
  engineerRowSchema,
  loginDetailRowSchema,
  messageRowSchema,
  policyRowSchema,
  productRowSchema,
  subscriptionRowSchema,
  ticketRowSchema,
} from './entities';
import { idSchema, instantSchema, versionSchema } from './primitives';

/** Every synced entity, with the schema of its row. */
export const entityRowSchemas = {
  policy: policyRowSchema,
  engineer: engineerRowSchema,
  account: accountRowSchema,
  product: productRowSchema,
  subscription: subscriptionRowSchema,
  ticket: ticketRowSchema,
  message: messageRowSchema,
  loginDetail: loginDetailRowSchema,
  credit: creditRowSchema,
} as const;

export type EntityName = keyof typeof entityRowSchemas;
export const entityNames = Object.keys(entityRowSchemas) as EntityName[];
export const entityNameSchema = z.enum(entityNames as [EntityName, ...EntityName[]]);

function upsertOf<E extends EntityName>(entity: E) {
  return z.object({ op: z.literal('upsert'), entity: z.literal(entity), id: idSchema, version: versionSchema, row: entityRowSchemas[entity] });
}

export const upsertChangeSchema = z.discriminatedUnion('entity', [
  upsertOf('policy'),
  upsertOf('engineer'),
  upsertOf('account'),
  upsertOf('product'),
  upsertOf('subscription'),
  upsertOf('ticket'),
  upsertOf('message'),
  upsertOf('loginDetail'),
  upsertOf('credit'),
]);

export const deleteChangeSchema = z.object({ op: z.literal('delete'), entity: entityNameSchema, id: idSchema, version: versionSchema });

/** Termination of an account: every cached row of that account must go. */
export const purgeChangeSchema = z.object({ op: z.literal('purge'), accountId: idSchema, version: versionSchema });

export const syncChangeSchema = z.union([upsertChangeSchema, deleteChangeSchema, purgeChangeSchema]);
export type SyncChange = z.infer<typeof syncChangeSchema>;
export type UpsertChange = z.infer<typeof upsertChangeSchema>;

export const MAX_SYNC_LIMIT = 5_000;
export const DEFAULT_SYNC_LIMIT = 1_000;

/** An opaque sync position: the client stores it and sends it back, never looks inside. */
export const syncCursorSchema = z.string().min(1).max(512);

/** `GET /v1/sync?cursor=&limit=` */
export const syncQuerySchema = z.object({
  /** Opaque; absent on the first sync of a client. */
  cursor: syncCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SYNC_LIMIT).default(DEFAULT_SYNC_LIMIT),
});
export type SyncQuery = z.infer<typeof syncQuerySchema>;

/**
 * What a page belongs to: the first sync sends open tickets and what they need (`initial-open`),
 * then history (`initial-history`), then the change log (`changes`).
 */
export const syncPhaseSchema = z.enum(['initial-open', 'initial-history', 'changes']);
export type SyncPhase = z.infer<typeof syncPhaseSchema>;

export const syncPageSchema = z.object({
  changes: z.array(syncChangeSchema),
  /** Where the next page starts; store it with the page, in the same transaction. */
  cursor: syncCursorSchema,
  hasMore: z.boolean(),
  phase: syncPhaseSchema,
  /** Rows sent so far and in all during the first sync; null once it is done. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  serverTime: instantSchema,
});
export type SyncPage = z.infer<typeof syncPageSchema>;

/** The data of a `changes` server-sent event on `GET /v1/events`: changes are waiting past this cursor. */
export const changesEventSchema = z.object({ cursor: syncCursorSchema });
export type ChangesEvent = z.infer<typeof changesEventSchema>;
