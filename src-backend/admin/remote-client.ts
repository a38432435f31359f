import type { z } from 'zod';
import { apiErrorSchema, billingImportRejectionSchema } from '@shared/contract';
import type { Endpoint } from '@shared/contract/endpoints';
import { BillingImportRejected } from '../billing/row-errors';

/** A request as the caller writes it: path parameters, query and body, before any check. */
export interface EndpointRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** The body as the declaration says it travels: text of its media type, or JSON. */
function encodeBody(endpoint: Endpoint, body: unknown): { headers: Record<string, string>; body?: string } {
  if (body === undefined) return { headers: {} };
  if (endpoint.textBody !== undefined) return { headers: { 'content-type': `${endpoint.textBody.contentType}; charset=utf-8` }, body: String(body) };
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * Calls a declared endpoint: the path, method, body encoding and answer's schema all come from
 * its declaration. A refusal throws with the backend's own message (which names the field to
 * blame); a refused billing import as the same error the import throws on the database.
 */
export async function callEndpoint(baseUrl: string, token: string, endpoint: Endpoint, request: EndpointRequest): Promise<unknown> {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  const encoded = encodeBody(endpoint, request.body);
  const response = await fetch(url, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...encoded.headers },
    body: encoded.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  const schema = endpoint.responses[response.status] as z.ZodType | null | undefined;
  if (response.ok && schema !== undefined) return schema === null ? undefined : schema.parse(json);
  const rejection = billingImportRejectionSchema.safeParse(json);
  if (rejection.success) throw new BillingImportRejected(rejection.data.error.rows);
  const error = apiErrorSchema.safeParse(json);
  throw new Error(error.success ? error.data.error.message : `${endpoint.method} ${path} answered ${response.status}`);
}
