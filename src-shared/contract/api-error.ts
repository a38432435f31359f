import { z } from 'zod';

/** Every 4xx/5xx body: what was wrong, in words, and the field when one is to blame. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      'bad-request',
      'unauthorized',
      'forbidden',
      'not-found',
      'conflict',
      'payload-too-large',
      'unsupported-media-type',
      'method-not-allowed',
      'too-many-requests',
      'internal',
      'unavailable',
    ]),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorCode = ApiError['error']['code'];

/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;
