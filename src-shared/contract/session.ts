import { z } from 'zod';
import { idSchema } from './primitives';

/**
 * `GET /v1/me`: who the bearer token belongs to, so the app can tell "mine" from "unassigned", and
 * which workspace it is: an id that never changes for the life of the workspace and is never
 * reused, so the app keeps each workspace's cache apart (with the backend URL, that is its key).
 */
export const whoAmISchema = z.object({ engineerId: idSchema, workspaceId: idSchema });
export type WhoAmI = z.infer<typeof whoAmISchema>;
