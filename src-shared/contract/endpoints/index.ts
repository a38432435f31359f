import { adminEndpoints } from './admin';
import { engineerActionEndpoints } from './engineer-actions';
import { healthEndpoints } from './health';
import { portalEndpoints } from './portal';
import { sessionEndpoints } from './session';
import { syncEndpoints } from './sync';

export * from './define-endpoints';

/** Every endpoint of the `/v1` API, by name. */
export const endpoints = {
  ...healthEndpoints,
  ...sessionEndpoints,
  ...syncEndpoints,
  ...engineerActionEndpoints,
  ...portalEndpoints,
  ...adminEndpoints,
};

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
