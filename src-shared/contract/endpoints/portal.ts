import { loginDetailRowSchema, messageRowSchema, ticketRowSchema } from '../entities';
import { customerMessageSchema, fileTicketSchema, submitLoginDetailSchema } from '../portal';
import { defineEndpoints } from './define-endpoints';
import { idParams } from './path-params';

/** The customer portal's side, served by the reference backend so that demos and tests can drive it. */
export const portalEndpoints = defineEndpoints({
  fileTicket: {
    method: 'POST',
    path: '/v1/portal/tickets',
    access: 'admin',
    summary: 'A customer files a ticket.',
    body: fileTicketSchema,
    responses: { 201: ticketRowSchema },
  },
  addCustomerMessage: {
    method: 'POST',
    path: '/v1/portal/tickets/:id/messages',
    access: 'admin',
    summary: 'The customer writes again on a ticket.',
    params: idParams,
    body: customerMessageSchema,
    responses: { 201: messageRowSchema },
  },
  submitLoginDetail: {
    method: 'POST',
    path: '/v1/portal/tickets/:id/login-details',
    access: 'admin',
    summary: 'The customer leaves a login detail on a ticket: stored encrypted, kept at most 30 days.',
    params: idParams,
    body: submitLoginDetailSchema,
    responses: { 201: loginDetailRowSchema },
  },
  purgeLoginDetail: {
    method: 'DELETE',
    path: '/v1/portal/login-details/:id',
    access: 'admin',
    summary: 'The customer deletes a login detail before its 30 days are up.',
    params: idParams,
    responses: { 204: null },
  },
});
