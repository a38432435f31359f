import { z } from 'zod';

/**
 * The parts of RT 5's REST 2.0 answers the connector reads. RT writes ids as numbers in some
 * places and as digit strings in others, and "never" as the Unix epoch; both are normalised here.
 */
const rtId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).transform(Number);

/** An RT instant (UTC, second precision); null for RT's "not set", 1970-01-01T00:00:00Z. */
const rtInstant = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'an RT instant (YYYY-MM-DDTHH:MM:SSZ)')
  .transform((value) => (value === '1970-01-01T00:00:00Z' ? null : value));

/** A link to another record: users are named by login, the rest by number. */
const rtRef = z.object({ type: z.string(), id: z.union([z.string(), z.number()]).transform(String) });

/** The fields to ask a collection for: every one the schema reads (ids come anyway). */
function fieldsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape).filter((field) => field !== 'id');
}

const customFieldSchema = z.object({ id: rtId, name: z.string(), values: z.array(z.string()) });

export const rtTicketSchema = z.object({
  id: rtId,
  Subject: z.string(),
  Status: z.string(),
  Queue: rtRef,
  Owner: rtRef,
  Requestor: z.array(rtRef),
  Cc: z.array(rtRef),
  AdminCc: z.array(rtRef),
  Created: rtInstant,
  LastUpdated: rtInstant,
  Resolved: rtInstant,
  Due: rtInstant,
  Priority: z.union([z.string(), z.number()]).transform(Number),
  CustomFields: z.array(customFieldSchema),
});
export type RtTicket = z.infer<typeof rtTicketSchema>;

/** The ticket fields a search asks for, so that one request returns whole tickets. */
export const rtTicketFields = fieldsOf(rtTicketSchema);

export const rtTransactionSchema = z.object({
  id: rtId,
  // A merged ticket's history holds the transactions of the tickets merged into it, each under its own ticket.
  ObjectId: rtId,
  Type: z.string(),
  Created: rtInstant,
  Creator: rtRef,
  Field: z.string(),
  OldValue: z.string(),
  NewValue: z.string(),
});
export type RtTransaction = z.infer<typeof rtTransactionSchema>;
export const rtTransactionFields = fieldsOf(rtTransactionSchema);

export const rtAttachmentSchema = z.object({
  id: rtId,
  TransactionId: rtId,
  ContentType: z.string(),
  Content: z.string(),
  Filename: z.string(),
});
export type RtAttachment = z.infer<typeof rtAttachmentSchema>;
export const rtAttachmentFields = fieldsOf(rtAttachmentSchema);

export const rtUserSchema = z.object({
  id: rtId,
  Name: z.string(),
  // RT leaves out what was never set: a user made from an incoming mail has no real name.
  EmailAddress: z.string().default(''),
  RealName: z.string().default(''),
  /** RT's staff: users who may be given rights (the web UI's "privileged"). */
  Privileged: z.union([z.string(), z.number()]).default(0).transform((value) => Number(value) !== 0),
  CustomFields: z.array(customFieldSchema).default([]),
  Disabled: z.union([z.string(), z.number()]).transform((value) => Number(value) !== 0),
});
export type RtUser = z.infer<typeof rtUserSchema>;

export const rtQueueSchema = z.object({
  id: rtId,
  Name: z.string(),
  Description: z.string(),
  Lifecycle: z.string(),
  Disabled: z.union([z.string(), z.number()]).transform((value) => Number(value) !== 0),
});
export type RtQueue = z.infer<typeof rtQueueSchema>;
export const rtQueueFields = fieldsOf(rtQueueSchema);

/** One queue read whole: the ticket custom fields applied to it, by name. */
export const rtQueueDetailSchema = z.object({ id: rtId, Name: z.string(), TicketCustomFields: z.array(z.object({ name: z.string() })).default([]) });

export const rtCustomFieldSchema = z.object({ id: rtId, Name: z.string(), LookupType: z.string() });
export type RtCustomField = z.infer<typeof rtCustomFieldSchema>;

/** A transaction found by a transaction search: which ticket, when. */
export const rtTransactionRefSchema = z.object({ id: rtId, ObjectId: rtId, Created: rtInstant });
export type RtTransactionRef = z.infer<typeof rtTransactionRefSchema>;

/** One page of a collection. `total` and `pages` are null when RT cannot count what the user may not see. */
export function rtPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    per_page: z.number().int().positive(),
    total: z.number().int().nonnegative().nullable().optional(),
    pages: z.number().int().nonnegative().nullable().optional(),
    items: z.array(item),
  });
}
export interface RtPage<T> {
  items: T[];
  page: number;
  /** Null on the last page. */
  nextPage: number | null;
}

/** What updates and messages answer: one sentence per change RT made, or tried and refused. */
export const rtMessagesSchema = z.array(z.string());

/** RT's error body on 4xx answers. */
export const rtErrorBodySchema = z.object({ message: z.string() });
