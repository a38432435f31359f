import { exchangedSessionSchema, exchangeSignInCodeSchema } from '../admin';
import { apiErrorSchema } from '../api-error';
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
  exchangeSignInCode: {
    method: 'POST',
    path: '/v1/session/exchange',
    access: 'public',
    summary:
      'Swaps a one-time sign-in code for a token of the engineer it was issued to. A code works once, until it expires. After 10 wrong codes within a minute from one client address, answers 429 with Retry-After.',
    body: exchangeSignInCodeSchema,
    responses: { 200: exchangedSessionSchema, 429: apiErrorSchema },
  },
});
