import { z } from 'zod';
import { idSchema } from '../primitives';

/** The parameters of a path with one `:id`. */
export const idParams = z.object({ id: idSchema });
