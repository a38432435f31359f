import { mutationBatchResponseSchema, mutationBatchSchema } from '../mutations';
import { revealedLoginDetailSchema } from '../portal';
import { defineEndpoints } from './define-endpoints';
import { idParams } from './path-params';

export const engineerActionEndpoints = defineEndpoints({
  mutations: {
    method: 'POST',
    path: '/v1/mutations',
    access: 'engineer',
    summary: 'A batch of engineer actions, each accepted or rejected on its own; 503 while a connected helpdesk cannot take an action on a ticket linked to it (send the batch again with the same keys).',
    body: mutationBatchSchema,
    responses: { 200: mutationBatchResponseSchema },
  },
  revealLoginDetail: {
    method: 'POST',
    path: '/v1/login-details/:id/reveal',
    access: 'token',
    summary: "A login detail's plaintext, to the ticket's assignee only; every attempt audited, an admin token's refused.",
    params: idParams,
    responses: { 200: revealedLoginDetailSchema },
  },
});
