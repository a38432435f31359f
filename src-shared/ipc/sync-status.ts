import { z } from 'zod';
import { syncPhaseSchema } from '../contract/sync';

const instant = z.iso.datetime({ offset: true });

/** What the sync engine is doing, shown to the engineer as it is. */
export const syncStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle'), lastSyncedAt: instant.nullable() }),
  z.object({ kind: z.literal('syncing'), phase: syncPhaseSchema, done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() }),
  z.object({ kind: z.literal('offline'), since: instant, retryAt: instant.nullable() }),
  z.object({ kind: z.literal('error'), code: z.string(), message: z.string(), retryAt: instant.nullable() }),
  z.object({ kind: z.literal('unauthorized'), message: z.string() }),
]);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The estimated offset of the backend's clock from this machine's: corrected now = Date.now() + offsetMs. */
export const clockSkewSchema = z.object({ offsetMs: z.number(), roundTripMs: z.number().nonnegative(), measuredAt: instant });
export type ClockSkew = z.infer<typeof clockSkewSchema>;

/** Skews past this are shown to the engineer: countdowns would otherwise be off by as much. */
export const NOTABLE_SKEW_MS = 60_000;
