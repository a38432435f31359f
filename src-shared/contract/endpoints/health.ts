import { z } from 'zod';
import { healthSchema, readinessSchema } from '../portal';
import { defineEndpoints } from './define-endpoints';

/** What anyone may ask: is the process alive, can it serve, and what does its API look like. */
export const healthEndpoints = defineEndpoints({
  health: {
    method: 'GET',
    path: '/v1/health',
    access: 'public',
    summary: 'Liveness: the process answers. 503 while it stops.',
    responses: { 200: healthSchema, 503: healthSchema },
  },
  ready: {
    method: 'GET',
    path: '/v1/ready',
    access: 'public',
    summary: 'Readiness: the database is reachable and migrated, so a load balancer may send traffic. 503 otherwise, and while stopping.',
    responses: { 200: readinessSchema, 503: readinessSchema },
  },
  openapi: {
    method: 'GET',
    path: '/v1/openapi.json',
    access: 'public',
    summary: 'This API as an OpenAPI 3.1 document, generated from the endpoint declarations.',
    responses: { 200: z.looseObject({ openapi: z.string() }) },
  },
});
