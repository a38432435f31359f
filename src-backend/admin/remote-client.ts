import type { z } from 'zod';
import { apiErrorSchema } from '@shared/contract';
import type { Endpoint } from '@shared/contract/endpoints';

/** A request as the caller writes it: path parameters, query and body, before any check. */
export interface EndpointRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * Calls a declared endpoint: the path, method and answer's schema all come from its declaration.
 * A refusal throws with the backend's own message (which names the field to blame).
 */
export async function callEndpoint(baseUrl: string, token: string, endpoint: Endpoint, request: EndpointRequest): Promise<unknown> {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const response = await fetch(url, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  const schema = endpoint.responses[response.status] as z.ZodType | null | undefined;
  if (response.ok && schema !== undefined) return schema === null ? undefined : schema.parse(json);
  const error = apiErrorSchema.safeParse(json);
  throw new Error(error.success ? error.data.error.message : `${endpoint.method} ${path} answered ${response.status}`);
}
