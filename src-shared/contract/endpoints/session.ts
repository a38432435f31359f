import { whoAmISchema } from '../session';
import { defineEndpoints } from './define-endpoints';

export const sessionEndpoints = defineEndpoints({
  me: {
    method: 'GET',
    path: '/v1/me',
    access: 'engineer',
    summary: 'Which engineer the bearer token belongs to.',
    responses: { 200: whoAmISchema },
  },
});
