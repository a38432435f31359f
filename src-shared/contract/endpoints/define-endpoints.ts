import type { z } from 'zod';

/**
 * Who may call an endpoint: anyone, an engineer's token, an admin token, or any valid token
 * (`token`: the handler refuses the wrong kind itself, so that the attempt can be audited).
 */
export type Access = 'public' | 'engineer' | 'admin' | 'token';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One HTTP endpoint, declared once as data: the backend's route table binds a handler to it by
 * name, the OpenAPI document is generated from it, and the admin command's remote client calls it.
 * `responses` maps each success status to its body's schema, or null for a status without a body.
 */
export interface EndpointSpec {
  readonly method: HttpMethod;
  /** Segments separated by `/`; a segment `:name` is a parameter, declared in `params`. */
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The body is text of this media type, at most `maxBytes`, handed to `body` as a string; JSON otherwise. */
  readonly textBody?: { readonly contentType: string; readonly maxBytes: number };
  readonly responses: Readonly<Record<number, z.ZodType | null>>;
  /** The 200 answer is this stream rather than JSON; its `data` lines follow the 200 schema. */
  readonly stream?: 'text/event-stream';
}

export type Endpoint<N extends string = string, S extends EndpointSpec = EndpointSpec> = S & { readonly name: N };

/** Names each spec after its key, so that a name is written once. */
export function defineEndpoints<const M extends Record<string, EndpointSpec>>(specs: M): { readonly [N in keyof M & string]: Endpoint<N, M[N]> } {
  return Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { ...spec, name }])) as { [N in keyof M & string]: Endpoint<N, M[N]> };
}

/** The segments of a path that are parameters, in order: `/v1/tokens/:id/revoke` gives `['id']`. */
export function pathParameters(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}
