import { z } from 'zod';
import { apiErrorSchema } from '@shared/contract';
import { endpoints, type Endpoint } from '@shared/contract/endpoints';

type JsonSchema = Record<string, unknown>;

/**
 * The API as an OpenAPI 3.1 document, generated from the endpoint declarations (their zod schemas
 * become JSON Schema 2020-12, the dialect OpenAPI 3.1 uses). `docs/openapi.json` is this document;
 * `npm run openapi` writes it again after a declaration changes.
 */
export function openApiDocument(): { openapi: string } & Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(endpoints) as Endpoint[]) {
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Support center API',
      version: '1',
      description: 'The contract between the Support Agent app and a support center. See docs/api.md for the conventions (errors, limits, cursors, text).',
    },
    components: {
      securitySchemes: {
        engineerToken: { type: 'http', scheme: 'bearer', description: "An engineer's token (from a sign-in code, or issued by an admin)." },
        adminToken: { type: 'http', scheme: 'bearer', description: 'An admin token: the first start prints one; `npm run admin -- tokens issue --admin` issues more.' },
      },
      schemas: { ApiError: schemaOf(apiErrorSchema, 'output') },
    },
    paths,
  };
}

function operation(endpoint: Endpoint): Record<string, unknown> {
  const parameters = [...parametersOf(endpoint.params, 'path'), ...parametersOf(endpoint.query, 'query')];
  return {
    operationId: endpoint.name,
    summary: endpoint.summary,
    tags: [tagOf(endpoint.path)],
    security: securityOf(endpoint.access),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body === undefined ? {} : { requestBody: { required: true, content: { [endpoint.textBody?.contentType ?? 'application/json']: { schema: schemaOf(endpoint.body, 'input') } } } }),
    responses: responsesOf(endpoint),
  };
}

function securityOf(access: Endpoint['access']): Record<string, string[]>[] {
  if (access === 'public') return [];
  if (access === 'token') return [{ engineerToken: [] }, { adminToken: [] }];
  return [{ [`${access}Token`]: [] }];
}

function responsesOf(endpoint: Endpoint): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(endpoint.responses)) {
    const mediaType = endpoint.stream !== undefined && status === '200' ? endpoint.stream : 'application/json';
    responses[status] = schema === null ? { description: 'No body.' } : { description: describeStatus(status), content: { [mediaType]: { schema: schemaOf(schema, 'output') } } };
  }
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  if (endpoint.access !== 'public') {
    responses['401'] = { description: 'The bearer token is missing, unknown, revoked, expired, or its engineer is disabled.', ...error };
    responses['403'] = { description: endpoint.access === 'token' ? 'The token is valid but may not do this (the attempt is audited).' : `The token is valid but not an ${endpoint.access} token.`, ...error };
  }
  responses.default = { description: 'Any other error: 400 names the field to blame (docs/api.md, "Errors").', ...error };
  return responses;
}

function describeStatus(status: string): string {
  return { '200': 'OK.', '201': 'Created.', '503': 'Not able to serve.' }[status] ?? status;
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), ...(description === undefined ? {} : { description }), schema: rest };
  });
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/v1/admin/tokens/{id}` is an `admin` operation; `/v1/sync` a `sync` one. */
function tagOf(path: string): string {
  return path.split('/')[2] ?? 'v1';
}

/** The document as `docs/openapi.json` holds it. */
export function openApiText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
