import { z } from 'zod';
import { idSchema } from './primitives';

/** `GET /v1/me`: who the bearer token belongs to, so the app can tell "mine" from "unassigned". */
export const whoAmISchema = z.object({ engineerId: idSchema });
export type WhoAmI = z.infer<typeof whoAmISchema>;
