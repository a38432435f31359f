import { changesEventSchema, syncPageSchema, syncQuerySchema } from '../sync';
import { defineEndpoints } from './define-endpoints';

export const syncEndpoints = defineEndpoints({
  sync: {
    method: 'GET',
    path: '/v1/sync',
    access: 'engineer',
    summary: 'A page of changes after the cursor; without one, the first sync (open tickets first).',
    query: syncQuerySchema,
    responses: { 200: syncPageSchema },
  },
  events: {
    method: 'GET',
    path: '/v1/events',
    access: 'engineer',
    summary: 'Server-sent `changes` events: changes are waiting past the cursor in the data.',
    responses: { 200: changesEventSchema },
    stream: 'text/event-stream',
  },
});
