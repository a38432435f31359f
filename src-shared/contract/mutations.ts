import { z } from 'zod';
import { engineerChecklistItemSchema, ticketStatusSchema } from './entities';
import { idSchema, versionSchema } from './primitives';
import { multiLineText, singleLineText } from './text';

/**
 * Engineer actions, sent by the outbox. Each carries a client-generated idempotency key: the
 * server applies a key once and answers every repeat with the first result.
 */
export const idempotencyKeySchema = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'expected 8-100 letters, digits, _ or -');

const base = { idempotencyKey: idempotencyKeySchema, ticketId: idSchema };
const body = multiLineText(20_000);

export const mutationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), ...base }),
  z.object({ kind: z.literal('unclaim'), ...base }),
  z.object({ kind: z.literal('reply'), ...base, body }),
  z.object({ kind: z.literal('note'), ...base, body }),
  z.object({ kind: z.literal('checklist-answer'), ...base, item: engineerChecklistItemSchema, value: z.boolean().nullable() }),
  z.object({ kind: z.literal('category'), ...base, categoryId: singleLineText(64).nullable() }),
  z.object({ kind: z.literal('status'), ...base, status: ticketStatusSchema }),
  /** The customer asked for a login detail to be deleted before its 30 days are up. */
  z.object({ kind: z.literal('purge-login-detail'), ...base, loginDetailId: idSchema }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationKind = Mutation['kind'];

/** What an engineer calls each field of an action, for messages about it. */
const FIELD_NAMES: Record<string, string> = { idempotencyKey: 'Action key', ticketId: 'Ticket', item: 'Checklist item', value: 'Checklist answer', categoryId: 'Category', status: 'Status', loginDetailId: 'Login detail' };
const KIND_NAMES: Record<string, string> = { reply: 'Reply', note: 'Note' };

/**
 * Why `value` is not an action the contract accepts, as one sentence an engineer can read
 * ("Reply body: must not contain U+0000 (a control character)"), or null when it is one. The
 * first problem only: it is what has to change.
 */
export function mutationProblem(value: unknown): string | null {
  const parsed = mutationSchema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const name = field === 'body' ? `${KIND_NAMES[String(kind)] ?? 'Message'} body` : field === 'kind' || field === '' ? 'Action' : (FIELD_NAMES[field] ?? field);
  return `${name}: ${issue?.message ?? 'not a valid action'}`;
}

export const MAX_MUTATIONS_PER_BATCH = 200;

/** `POST /v1/mutations` */
export const mutationBatchSchema = z.object({ mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_BATCH) });
export type MutationBatch = z.infer<typeof mutationBatchSchema>;

export const mutationRejectionCodeSchema = z.enum(['not-found', 'conflict', 'forbidden', 'invalid']);

export const mutationResultSchema = z.discriminatedUnion('ok', [
  z.object({ idempotencyKey: idempotencyKeySchema, ok: z.literal(true), ticketVersion: versionSchema }),
  z.object({
    idempotencyKey: idempotencyKeySchema,
    ok: z.literal(false),
    error: z.object({ code: mutationRejectionCodeSchema, message: z.string() }),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const mutationBatchResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type MutationBatchResponse = z.infer<typeof mutationBatchResponseSchema>;
