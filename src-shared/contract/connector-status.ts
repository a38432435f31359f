import { z } from 'zod';
import { instantSchema } from './primitives';

/**
 * A helpdesk connector as operations sees it (docs/connectors.md, "Operations"): how far the
 * mirror got, whether it fails, and how many engineers' actions wait for the helpdesk. Never a
 * credential.
 */

/**
 * `ok`: the mirror caught up within the lag limit. `lagging`: it has not caught up for longer.
 * `failing`: its newest attempt ended in an error. `starting`: it never finished a pass yet.
 */
export const connectorHealthSchema = z.enum(['ok', 'lagging', 'failing', 'starting']);
export type ConnectorHealth = z.infer<typeof connectorHealthSchema>;

export const connectorStateSchema = z.object({
  /** The connector's name in stored state: its helpdesk kind (`request-tracker`). */
  helpdesk: z.string(),
  /** The helpdesk's address; null when this process does not run the connector (a local admin command). */
  url: z.string().nullable(),
  status: connectorHealthSchema,
  /** When the mirror last finished a pass that reached the helpdesk's newest change. */
  lastMirrorAt: instantSchema.nullable(),
  /** The helpdesk's last-updated instant of the newest ticket mirrored whole: the next pass starts there. */
  highWater: instantSchema.nullable(),
  /** Seconds since the mirror last caught up with the helpdesk; null before its first pass. */
  lagSeconds: z.number().int().nonnegative().nullable(),
  lastError: z.object({ message: z.string(), at: instantSchema.nullable() }).nullable(),
  mirroredTickets: z.number().int().nonnegative(),
  /** Engineers' actions sent to the helpdesk and not yet confirmed (write-backs pending). */
  actionsWaiting: z.number().int().nonnegative(),
  oldestWaitingSince: instantSchema.nullable(),
  /**
   * The mirror's lease while a pass holds it (one instance mirrors at a time): the holder's name
   * (host, pid), until when, and whether it is this instance (null from a local admin command).
   * null between passes. A lease whose instance died stays until it runs out.
   */
  mirrorLease: z.object({ holder: z.string(), until: instantSchema, heldHere: z.boolean().nullable() }).nullable(),
});
export type ConnectorState = z.infer<typeof connectorStateSchema>;

/** `GET /v1/admin/connector` */
export const connectorStatusSchema = z.discriminatedUnion('configured', [
  z.object({ configured: z.literal(false), message: z.string() }),
  z.object({ configured: z.literal(true), connectors: z.array(connectorStateSchema) }),
]);
export type ConnectorStatus = z.infer<typeof connectorStatusSchema>;

/** The connector's line in `GET /v1/health` (absent without a connector). */
export const connectorSummarySchema = z.object({
  status: connectorHealthSchema,
  lagSeconds: z.number().int().nonnegative().nullable(),
  actionsWaiting: z.number().int().nonnegative(),
});
export type ConnectorSummary = z.infer<typeof connectorSummarySchema>;
